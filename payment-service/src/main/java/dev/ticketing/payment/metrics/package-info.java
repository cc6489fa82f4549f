/** payment-service's own counters on /metrics: payments succeeded and declined. */
package dev.ticketing.payment.metrics;
