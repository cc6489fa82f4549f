/**
 * payment-service's own counters on /metrics: payments succeeded and declined. An adapter behind
 * checkout's {@code PaymentCounters} port, so checkout never sees the registry.
 */
package dev.ticketing.payment.metrics;
