package dev.ticketing.order.application;

import dev.ticketing.order.store.TicketCopyStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Periodically releases ticket claims that outlived their order: claimed by an order the process
 * died before storing, or by a cancelled order whose release was cut short. Only claims older
 * than a grace period are looked at, so an order being placed right now is never disturbed.
 */
@ApplicationScoped
public class ClaimSweep {
    private static final Logger LOG = Logger.getLogger(ClaimSweep.class.getName());

    @Inject
    TicketCopyStore tickets;

    @Inject
    Orders orders;

    @Inject
    @ConfigProperty(name = "order.claims.sweep.seconds", defaultValue = "30")
    long everySeconds;

    @Inject
    @ConfigProperty(name = "order.claims.grace.seconds", defaultValue = "60")
    long graceSeconds;

    private ScheduledExecutorService worker;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "order-claim-sweep");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::sweepQuietly, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** Repairs what is due now; returns how many claims it looked at. */
    public int sweep() {
        var claims = tickets.claimsOlderThan(Instant.now().minusSeconds(graceSeconds), 1000);
        claims.forEach(orders::repair);
        return claims.size();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "claim sweep failed; the next one retries", e);
        }
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
