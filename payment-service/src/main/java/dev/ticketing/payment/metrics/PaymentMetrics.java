package dev.ticketing.payment.metrics;

import dev.ticketing.payment.checkout.PaymentCounters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Payments' outcomes, counted in the application's MicroProfile Metrics registry: {@code
 * ticketing_payments_succeeded_total} and {@code ticketing_payments_declined_total} on {@code
 * /metrics}. A charge counts as succeeded once, when it is recorded as the order's payment.
 */
@ApplicationScoped
public class PaymentMetrics implements PaymentCounters {
    private static final Metadata SUCCEEDED =
            metadata(
                    "ticketing.payments.succeeded",
                    "Charges that succeeded and were recorded as their order's payment (API or Stripe webhook); "
                            + "a repeated request or redelivered webhook for the same charge, or a charge refunded "
                            + "because the order had expired, does not count");
    private static final Metadata DECLINED =
            metadata(
                    "ticketing.payments.declined",
                    "Payment attempts the gateway declined (the buyer got 402: card declined, invalid or incomplete "
                            + "payment method)");

    @Inject MetricRegistry registry;

    private Counter succeeded;
    private Counter declined;

    private static Metadata metadata(String name, String description) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(MetricUnits.NONE)
                .build();
    }

    @PostConstruct
    void register() {
        succeeded = registry.counter(SUCCEEDED);
        declined = registry.counter(DECLINED);
    }

    /**
     * Registers the counters when the application starts, so they read 0 rather than being absent.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer alone makes CDI create the bean, and with it the counters
    }

    public void succeeded() {
        succeeded.inc();
    }

    public void declined() {
        declined.inc();
    }
}
