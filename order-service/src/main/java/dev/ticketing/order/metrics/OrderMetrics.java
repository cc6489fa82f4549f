package dev.ticketing.order.metrics;

import dev.ticketing.order.application.OrderCounters;
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
 * Orders' state changes, counted in the application's MicroProfile Metrics registry: {@code
 * ticketing_orders_created_total}, {@code ..._expired_total}, {@code ..._paid_total} and {@code
 * ..._cancelled_total} on {@code /metrics}. The use cases count only a change they stored, so a
 * redelivered event or a repeated request that changes nothing is not counted again.
 */
@ApplicationScoped
public class OrderMetrics implements OrderCounters {
    private static final Metadata CREATED =
            metadata(
                    "ticketing.orders.created",
                    "Orders placed: the ticket was reserved and the order stored");
    private static final Metadata EXPIRED =
            metadata(
                    "ticketing.orders.expired",
                    "Open orders cancelled because their hold ran out (expiration.complete)");
    private static final Metadata PAID =
            metadata(
                    "ticketing.orders.paid",
                    "Open orders completed by their payment (payment.created)");
    private static final Metadata CANCELLED =
            metadata("ticketing.orders.cancelled", "Open orders the buyer cancelled");

    @Inject MetricRegistry registry;

    private Counter created;
    private Counter expired;
    private Counter paid;
    private Counter cancelled;

    private static Metadata metadata(String name, String description) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(MetricUnits.NONE)
                .build();
    }

    @PostConstruct
    void register() {
        created = registry.counter(CREATED);
        expired = registry.counter(EXPIRED);
        paid = registry.counter(PAID);
        cancelled = registry.counter(CANCELLED);
    }

    /**
     * Registers the counters when the application starts, so they read 0 rather than being absent.
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer alone makes CDI create the bean, and with it the counters
    }

    public void created() {
        created.inc();
    }

    public void expired() {
        expired.inc();
    }

    public void paid() {
        paid.inc();
    }

    public void cancelled() {
        cancelled.inc();
    }
}
