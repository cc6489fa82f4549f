package dev.ticketing.payment.checkout;

import dev.ticketing.kit.work.PeriodicWork;
import dev.ticketing.payment.domain.PaymentAttempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finishes payment attempts that a crash, a store error or a gateway failure left unfinished: an
 * attempt not moved on for {@code payments.reconcile.after} (longer than a gateway call can take,
 * retries included) is taken to its end by {@link Checkout#finish}, which asks the gateway again
 * with the attempt's idempotency key (Stripe answers what it did: the same PaymentIntent, never a
 * second charge) and records or refunds the charge. Refunds owed are retried until made.
 */
@ApplicationScoped
public class PaymentReconciler extends PeriodicWork {
    private static final Logger LOG = Logger.getLogger(PaymentReconciler.class.getName());
    private static final int PAGE = 200;

    @Inject PaymentAttempts attempts;

    @Inject Checkout checkout;

    @Inject
    @ConfigProperty(name = "payments.reconcile.every", defaultValue = "PT10S")
    Duration every;

    @Inject
    @ConfigProperty(name = "payments.reconcile.after", defaultValue = "PT60S")
    Duration after;

    PaymentReconciler() {
        super("payment-reconciler");
    }

    @Override
    protected Duration every() {
        return every;
    }

    @Override
    protected void runOnce() {
        reconcile();
    }

    /** Finishes what is due now; returns how many attempts reached their end. */
    public int reconcile() {
        List<PaymentAttempt> due = attempts.unfinishedSince(Instant.now().minus(after), PAGE);
        int finished = 0;
        for (PaymentAttempt attempt : due) {
            try {
                Checkout.Recorded result = checkout.finish(attempt);
                finished++;
                LOG.warning(
                        () ->
                                "payment attempt "
                                        + attempt.key()
                                        + " for order "
                                        + attempt.orderId()
                                        + ", left "
                                        + attempt.state()
                                        + ", finished: "
                                        + result.outcome());
            } catch (PaymentGateway.CardDeclined declined) {
                finished++;
            } catch (RuntimeException e) {
                // The gateway or the store is still away: the next round asks again.
                LOG.log(
                        Level.WARNING,
                        "payment attempt " + attempt.key() + " not finished yet: " + e,
                        (Throwable) null);
            }
        }
        return finished;
    }
}
