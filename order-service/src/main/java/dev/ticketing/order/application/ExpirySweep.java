package dev.ticketing.order.application;

import dev.ticketing.kit.events.Outcome;
import dev.ticketing.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The expiry backstop: timer-service's expiration.complete is how an open order normally expires,
 * but if it never comes (its timer lost with a timer store, the event somehow gone), this sweep
 * expires every open order whose hold ended more than a grace period ago, exactly as the event
 * would (the same {@link Orders#expire}, idempotent whichever comes first). It reads open orders
 * through an index on (status, expiresAt), oldest first.
 */
@ApplicationScoped
public class ExpirySweep extends PeriodicWork {
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class.getName());
    private static final int PAGE = 500;

    @Inject OrderBook store;

    @Inject Orders orders;

    @Inject
    @ConfigProperty(name = "order.expiry.sweep.seconds", defaultValue = "30")
    long everySeconds;

    @Inject
    @ConfigProperty(name = "order.expiry.grace.seconds", defaultValue = "60")
    long graceSeconds;

    ExpirySweep() {
        super("order-expiry-sweep");
    }

    @Override
    protected Duration every() {
        return Duration.ofSeconds(everySeconds);
    }

    @Override
    protected void runOnce() {
        sweep();
    }

    /** Expires what is overdue now; returns how many orders it expired. */
    public int sweep() {
        Instant overdue = Instant.now().minusSeconds(graceSeconds);
        int expired = 0;
        while (true) {
            List<String> page = store.openOrdersExpiredBefore(overdue, PAGE);
            int before = expired;
            for (String orderId : page) {
                if (orders.expire(orderId) == Outcome.APPLIED) {
                    expired++;
                    LOG.warning(
                            () ->
                                    "order "
                                            + orderId
                                            + " expired by the backstop: its expiration.complete"
                                            + " had not come "
                                            + graceSeconds
                                            + " s after its hold ended");
                }
            }
            // Expired orders leave the query, so the next page starts again from the oldest open
            // one; a full page that expired nothing (another replica got there first) ends this
            // sweep.
            if (page.size() < PAGE || expired == before) {
                return expired;
            }
        }
    }
}
