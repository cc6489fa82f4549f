package dev.ticketing.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The dependency rules of every service (issue 12, "dependencies point one way"), written once and
 * applied by each service's {@code LayersTest}: api → application → domain, with store, events,
 * gateway, metrics and the like as adapters behind ports the application owns.
 *
 * <ul>
 *   <li>the domain uses no framework, driver or messaging type, and none of the service's other
 *       packages;
 *   <li>the application uses, of its service, only itself and the domain (no api, events, store,
 *       health, metrics, gateway...), and no JAX-RS, driver, BSON, NATS, Stripe, messaging or
 *       metrics type; of document-store only {@code CrashPoint}, the test-only fault hook;
 *   <li>the api does not reach past the application into the store or the events, nor into the
 *       driver;
 *   <li>nothing in the service depends on its api (the outermost ring);
 *   <li>the service's packages are free of cycles.
 * </ul>
 *
 * A service whose application package has another name says so ({@link #application}); one with its
 * use cases in the domain (auth-service) names none.
 */
public final class ServiceLayers {

    /** Framework, driver and wire types no inner layer may use. */
    private static final String[] FRAMEWORKS = {
        "jakarta.ws.rs..",
        "jakarta.json.bind..",
        "org.bson..",
        "com.mongodb..",
        "org.eclipse.jnosql..",
        "jakarta.nosql..",
        "io.nats..",
        "com.stripe..",
        "org.eclipse.microprofile.reactive.messaging..",
        "org.eclipse.microprofile.metrics..",
        "dev.ticketing.nats.."
    };

    /** Further technical types the domain, unlike the application, never needs. */
    private static final String[] DOMAIN_ALSO = {
        "jakarta.ejb..", "java.sql..", "javax.sql..", "dev.ticketing.store..",
    };

    /** The one document-store type the application may use: a test-only fault point. */
    private static final String CRASH_POINT = "dev.ticketing.store.outbox.CrashPoint";

    private final String base;
    private List<String> application = List.of("application");

    private ServiceLayers(String base) {
        this.base = base;
    }

    /** The rules for the service whose classes are under {@code basePackage}. */
    public static ServiceLayers of(String basePackage) {
        return new ServiceLayers(basePackage);
    }

    /**
     * The service's application packages, when not {@code application} (payment-service: {@code
     * checkout}; timer-service: {@code expiry}); none for a service whose use cases are in its
     * domain.
     */
    public ServiceLayers application(String... packages) {
        this.application = List.of(packages);
        return this;
    }

    /** The service's own classes, without its tests. */
    public JavaClasses classes() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    public List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        String domain = pkg("domain");
        String api = pkg("api");
        String service = base + "..";

        rules.add(
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(concat(FRAMEWORKS, DOMAIN_ALSO))
                        .because("the domain is plain Java: no framework, driver or wire type"));
        rules.add(
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat(
                                resideInAPackage(service).and(not(resideInAPackage(domain))))
                        .because("the domain is the innermost ring"));

        if (!application.isEmpty()) {
            String[] applications = application.stream().map(this::pkg).toArray(String[]::new);
            String[] inner = concat(applications, new String[] {domain});
            rules.add(
                    noClasses()
                            .that()
                            .resideInAnyPackage(applications)
                            .should()
                            .dependOnClassesThat(
                                    resideInAPackage(service).and(not(resideInAnyPackage(inner))))
                            .because(
                                    "the application owns its ports; api, events, store and the"
                                            + " other adapters depend on it, never the other way"));
            rules.add(
                    noClasses()
                            .that()
                            .resideInAnyPackage(applications)
                            .should()
                            .dependOnClassesThat(
                                    resideInAnyPackage(FRAMEWORKS).or(documentStoreButCrashPoint()))
                            .because(
                                    "the use cases reach storage, the bus and the gateway only"
                                            + " through their ports"));
        }

        rules.add(
                noClasses()
                        .that()
                        .resideInAPackage(api)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                pkg("store"),
                                pkg("events"),
                                "com.mongodb..",
                                "org.bson..",
                                "dev.ticketing.store.mongo..")
                        .because("the api goes through the application, not around it"));
        rules.add(
                noClasses()
                        .that()
                        .resideInAPackage(service)
                        .and()
                        .resideOutsideOfPackage(api)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(api)
                        .because("the api is the outermost ring"));
        rules.add(
                slices().matching(base + ".(*)..")
                        .should()
                        .beFreeOfCycles()
                        .because("dependencies between the service's packages point one way"));
        return rules;
    }

    /** One test per rule, each checked against {@link #classes()}. */
    public Stream<DynamicTest> tests() {
        JavaClasses classes = classes();
        return rules().stream()
                .map(
                        rule ->
                                DynamicTest.dynamicTest(
                                        rule.getDescription(), () -> rule.check(classes)));
    }

    private String pkg(String name) {
        return base + "." + name + "..";
    }

    private static DescribedPredicate<JavaClass> documentStoreButCrashPoint() {
        return resideInAPackage("dev.ticketing.store..")
                .and(not(name(CRASH_POINT)))
                .as("document-store types other than " + CRASH_POINT);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
