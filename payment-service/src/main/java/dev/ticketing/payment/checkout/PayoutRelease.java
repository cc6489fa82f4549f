package dev.ticketing.payment.checkout;

import dev.ticketing.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Releases the payouts that are due, every {@code payouts.release.every} (a sweep, not a timer per
 * payout: what is due is in the store, so a restart loses nothing and a payout due while the server
 * was down is paid on its first round). Several servers may sweep at once: the claim lets one of
 * them transfer each payout.
 */
@ApplicationScoped
public class PayoutRelease extends PeriodicWork {
    private static final Logger LOG = Logger.getLogger(PayoutRelease.class.getName());

    @Inject Payouts payouts;

    @Inject
    @ConfigProperty(name = "payouts.release.every", defaultValue = "PT60S")
    Duration every;

    PayoutRelease() {
        super("payout-release");
    }

    @Override
    protected Duration every() {
        return every;
    }

    @Override
    protected void runOnce() {
        try {
            payouts.releaseDue();
        } catch (RuntimeException e) {
            // The store or the gateway is away: what is due stays due for the next round.
            LOG.log(Level.WARNING, "payouts not released this round: " + e, (Throwable) null);
        }
    }
}
