/**
 * order-service's own counters on /metrics: orders created, expired, paid and cancelled. An adapter
 * behind the application's {@code OrderCounters} port, so the use cases never see the registry.
 */
package dev.ticketing.order.metrics;
