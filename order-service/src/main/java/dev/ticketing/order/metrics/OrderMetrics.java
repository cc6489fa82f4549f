package dev.ticketing.order.metrics;

import dev.ticketing.kit.metrics.Counters;
import dev.ticketing.order.application.OrderCounters;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.metrics.Metadata;

/**
 * Orders' state changes, counted in the application's MicroProfile Metrics registry: {@code
 * ticketing_orders_created_total}, {@code ..._expired_total}, {@code ..._paid_total} and {@code
 * ..._cancelled_total} on {@code /metrics}. The use cases count only a change they stored, so a
 * redelivered event or a repeated request that changes nothing is not counted again.
 */
@ApplicationScoped
public class OrderMetrics extends Counters implements OrderCounters {
    private static final Metadata CREATED =
            counter(
                    "ticketing.orders.created",
                    "Orders placed: the ticket was reserved and the order stored");
    private static final Metadata EXPIRED =
            counter(
                    "ticketing.orders.expired",
                    "Open orders cancelled because their hold ran out (expiration.complete)");
    private static final Metadata PAID =
            counter(
                    "ticketing.orders.paid",
                    "Open orders completed by their payment (payment.created)");
    private static final Metadata CANCELLED =
            counter("ticketing.orders.cancelled", "Open orders the buyer cancelled");

    public OrderMetrics() {
        super(CREATED, EXPIRED, PAID, CANCELLED);
    }

    public void created() {
        inc(CREATED);
    }

    public void expired() {
        inc(EXPIRED);
    }

    public void paid() {
        inc(PAID);
    }

    public void cancelled() {
        inc(CANCELLED);
    }
}
