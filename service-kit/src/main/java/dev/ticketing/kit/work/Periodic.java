package dev.ticketing.kit.work;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work a service repeats in the background (a sweep, a reconciliation): one daemon thread, a fixed
 * delay between the end of one run and the start of the next, the first after one delay. A run that
 * fails is logged and the next one retries: a task that throws out of a scheduled executor is never
 * run again, so nothing is let through.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());

    private final ScheduledExecutorService worker;

    private Periodic(String name, Duration every, Runnable work) {
        worker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, name);
                            t.setDaemon(true);
                            return t;
                        });
        long millis = every.toMillis();
        worker.scheduleWithFixedDelay(
                () -> {
                    try {
                        work.run();
                    } catch (Throwable e) {
                        LOG.log(Level.WARNING, name + " failed; the next run retries", e);
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    }

    /** Starts running {@code work} every {@code every} on a thread called {@code name}. */
    public static Periodic start(String name, Duration every, Runnable work) {
        return new Periodic(name, every, work);
    }

    /** Stops: no new run starts, and a run in progress is interrupted. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
