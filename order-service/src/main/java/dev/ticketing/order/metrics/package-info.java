/** order-service's own counters on /metrics: orders created, expired, paid and cancelled. */
package dev.ticketing.order.metrics;
