package dev.ticketing.testing;

import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Map;
import org.eclipse.jnosql.mapping.core.Converters;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.jnosql.mapping.reflection.ReflectionClassConverter;
import org.eclipse.jnosql.mapping.semistructured.EntityConverter;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;

/**
 * Jakarta NoSQL's template as a service's WAR gets it, outside a server: a CDI 4.0 container (Weld
 * SE 5.1, the CDI of Liberty's cdi-4.0) holding JNoSQL's mapping beans, the packages and beans a
 * test names (the kit's producers, a store), and MicroProfile Config, whose settings ({@code
 * jnosql.mongodb.url}, {@code jnosql.document.database}) are set as system properties while it
 * runs. For store tests that drive a store directly, many times, to force interleavings no HTTP
 * test can. The module using it declares Weld SE and SmallRye Config (test scope).
 */
public final class JakartaNoSqlContainer implements AutoCloseable {
    private final SeContainer cdi;
    private final Map<String, String> settings;

    private JakartaNoSqlContainer(SeContainer cdi, Map<String, String> settings) {
        this.cdi = cdi;
        this.settings = settings;
    }

    /**
     * Starts a container with these MicroProfile Config {@code settings}, every bean of the
     * packages of {@code packagesOf} (and below), and the {@code beans}.
     */
    public static JakartaNoSqlContainer start(
            Map<String, String> settings, Class<?>[] packagesOf, Class<?>... beans) {
        settings.forEach(System::setProperty);
        try {
            Weld weld =
                    new Weld()
                            .disableDiscovery()
                            .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                            .addPackages(
                                    true,
                                    Converters.class,
                                    EntityConverter.class,
                                    DocumentTemplate.class,
                                    ReflectionClassConverter.class)
                            .addPackages(true, packagesOf)
                            .addBeanClasses(beans)
                            // as the server's mpConfig: @ConfigProperty injection
                            .addExtension(new ConfigExtension());
            return new JakartaNoSqlContainer(weld.initialize(), settings);
        } catch (RuntimeException e) {
            settings.keySet().forEach(System::clearProperty);
            throw e;
        }
    }

    /** The container's bean of {@code type}. */
    public <T> T get(Class<T> type) {
        return cdi.select(type).get();
    }

    public BeanManager beans() {
        return cdi.getBeanManager();
    }

    @Override
    public void close() {
        try {
            cdi.close();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
