package dev.ticketing.payment.metrics;

import dev.ticketing.kit.metrics.Counters;
import dev.ticketing.payment.checkout.PaymentCounters;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.metrics.Metadata;

/**
 * Payments' outcomes, counted in the application's MicroProfile Metrics registry: {@code
 * ticketing_payments_succeeded_total} and {@code ticketing_payments_declined_total} on {@code
 * /metrics}. A charge counts as succeeded once, when it is recorded as the order's payment.
 */
@ApplicationScoped
public class PaymentMetrics extends Counters implements PaymentCounters {
    private static final Metadata SUCCEEDED =
            counter(
                    "ticketing.payments.succeeded",
                    "Charges that succeeded and were recorded as their order's payment (API or Stripe webhook); "
                            + "a repeated request or redelivered webhook for the same charge, or a charge refunded "
                            + "because the order had expired, does not count");
    private static final Metadata DECLINED =
            counter(
                    "ticketing.payments.declined",
                    "Payment attempts the gateway declined (the buyer got 402: card declined, invalid or incomplete "
                            + "payment method)");

    public PaymentMetrics() {
        super(SUCCEEDED, DECLINED);
    }

    public void succeeded() {
        inc(SUCCEEDED);
    }

    public void declined() {
        inc(DECLINED);
    }
}
