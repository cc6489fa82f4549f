package dev.ticketing.payment.checkout;

/**
 * The payment outcomes checkout counts, each only when it stored it: the port the metrics package
 * implements on MicroProfile Metrics.
 */
public interface PaymentCounters {
    void succeeded();

    void declined();
}
