package dev.ticketing.order.application;

/**
 * The order changes the use cases count, each only when they stored it: the port the metrics
 * package implements on MicroProfile Metrics.
 */
public interface OrderCounters {
    void created();

    void expired();

    void paid();

    void cancelled();
}
