/**
 * order-service's use cases: place an order (claim the ticket, then store the order with its
 * event), cancel, expire and complete it, keep the ticket copies, and repair claims a crash left
 * without a live order.
 *
 * <p>This package owns its ports: {@link dev.ticketing.order.application.OrderBook} and {@link
 * dev.ticketing.order.application.TicketCopies} (implemented by the store) and {@link
 * dev.ticketing.order.application.OrderCounters} (implemented by the metrics). So dependencies
 * point one way: api and events call in, adapters plug in, and nothing here knows MongoDB, BSON,
 * the bus or the metrics registry. Checked by the service's {@code LayersTest}.
 */
package dev.ticketing.order.application;
