package dev.ticketing.kit.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * A service's counters in the application's MicroProfile Metrics registry, registered when the
 * application starts so that they read 0 rather than being absent from {@code /metrics}. A service
 * extends it (annotate the subclass {@code @ApplicationScoped}), declares each counter with {@link
 * #counter}, hands them to the constructor and counts with {@link #inc}.
 */
public abstract class Counters {

    private final List<Metadata> declared;
    private final Map<String, Counter> counters = new HashMap<>();

    @Inject MetricRegistry registry;

    protected Counters(Metadata... declared) {
        this.declared = List.of(declared);
    }

    /** A counter without a unit: {@code name} (dots become underscores on /metrics). */
    protected static Metadata counter(String name, String description) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(MetricUnits.NONE)
                .build();
    }

    @PostConstruct
    void register() {
        for (Metadata metadata : declared) {
            counters.put(metadata.getName(), registry.counter(metadata));
        }
    }

    /** Registers the counters when the application starts. */
    protected void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer alone makes CDI create the bean, and with it the counters
    }

    /** Counts one more of {@code counter}, one of those handed to the constructor. */
    protected void inc(Metadata counter) {
        counters.get(counter.getName()).inc();
    }
}
