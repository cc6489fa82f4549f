package dev.ticketing.order.application;

import dev.ticketing.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Periodically repairs ticket claims that outlived their order: claimed by an order the process
 * died before storing, or by a cancelled order whose release was cut short (released), or by a paid
 * order whose claim was not closed yet (closed). Only live claims older than a grace period are
 * looked at, oldest first, page by page through an index, so an order being placed right now is
 * never disturbed and every claim is reached however many tickets were ever sold.
 */
@ApplicationScoped
public class ClaimSweep extends PeriodicWork {
    private static final int PAGE = 500;

    @Inject TicketCopies tickets;

    @Inject Orders orders;

    @Inject
    @ConfigProperty(name = "order.claims.sweep.seconds", defaultValue = "30")
    long everySeconds;

    @Inject
    @ConfigProperty(name = "order.claims.grace.seconds", defaultValue = "60")
    long graceSeconds;

    ClaimSweep() {
        super("order-claim-sweep");
    }

    @Override
    protected Duration every() {
        return Duration.ofSeconds(everySeconds);
    }

    @Override
    protected void runOnce() {
        sweep();
    }

    /** Repairs what is due now; returns how many claims it looked at. */
    public int sweep() {
        Instant before = Instant.now().minusSeconds(graceSeconds);
        int seen = 0;
        TicketCopies.Claim after = null;
        while (true) {
            List<TicketCopies.Claim> page = tickets.claimsOlderThan(before, after, PAGE);
            page.forEach(orders::repair);
            seen += page.size();
            if (page.size() < PAGE) {
                return seen;
            }
            after = page.get(page.size() - 1);
        }
    }
}
