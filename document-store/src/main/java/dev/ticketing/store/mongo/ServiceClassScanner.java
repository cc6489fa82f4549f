package dev.ticketing.store.mongo;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import jakarta.data.repository.DataRepository;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import java.util.Set;

/**
 * Finds a service's Jakarta NoSQL entities in its own packages only. JNoSQL 1.1's scanner reads
 * every class on the application's class path with all of ClassGraph's information, which cost each
 * application seconds of start-up on two cores (docs/architecture.md, "Data"). Registered per WAR
 * in {@code META-INF/services/org.eclipse.jnosql.mapping.metadata.ClassScanner} under {@code
 * WEB-INF/classes}, which the web module's class loader reads before its libraries. The services
 * declare no Jakarta Data repositories: the store adapters use the template.
 */
public final class ServiceClassScanner implements org.eclipse.jnosql.mapping.metadata.ClassScanner {

    private final Set<Class<?>> entities;
    private final Set<Class<?>> embeddables;

    public ServiceClassScanner() {
        try (ScanResult scan =
                new ClassGraph()
                        // the WAR's own class loader only: Liberty's parents hold every feature's
                        // jars, and walking them found nothing of ours
                        .overrideClassLoaders(ServiceClassScanner.class.getClassLoader())
                        .ignoreParentClassLoaders()
                        .enableClassInfo()
                        .enableAnnotationInfo()
                        .acceptPackages("dev.ticketing")
                        .scan()) {
            entities = Set.copyOf(scan.getClassesWithAnnotation(Entity.class).loadClasses());
            embeddables = Set.copyOf(scan.getClassesWithAnnotation(Embeddable.class).loadClasses());
        }
    }

    @Override
    public Set<Class<?>> entities() {
        return entities;
    }

    @Override
    public Set<Class<?>> embeddables() {
        return embeddables;
    }

    @Override
    public Set<Class<?>> repositories() {
        return Set.of();
    }

    @Override
    public <T extends DataRepository<?, ?>> Set<Class<?>> repositories(Class<T> filter) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> repositoriesStandard() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> customRepositories() {
        return Set.of();
    }
}
