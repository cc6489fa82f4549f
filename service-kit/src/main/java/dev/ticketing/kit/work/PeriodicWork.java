package dev.ticketing.kit.work;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * An application-scoped bean whose work repeats in the background from the application's start to
 * its end, on a {@link Periodic} of its own: a service's sweep or reconciliation extends it, names
 * its thread, says how often ({@link #every}, from its settings) and what one run does ({@link
 * #runOnce}). It starts with the application, so what a crash left behind is repaired without
 * waiting for a request.
 */
public abstract class PeriodicWork {
    private final String name;
    private Periodic worker;

    /** {@code name}: the thread's, in logs and thread dumps. */
    protected PeriodicWork(String name) {
        this.name = name;
    }

    /** The delay between the end of one run and the start of the next. */
    protected abstract Duration every();

    /** One run; what it throws is logged and the next run retries. */
    protected abstract void runOnce();

    protected void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        worker = Periodic.start(name, every(), this::runOnce);
    }

    @PreDestroy
    protected void stop() {
        if (worker != null) {
            worker.close();
        }
    }
}
