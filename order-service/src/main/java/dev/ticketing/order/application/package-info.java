/**
 * order-service's use cases: place an order (claim the ticket, then store the order with its
 * event), cancel, expire and complete it, keep the ticket copies, and repair claims a crash left
 * without a live order.
 */
package dev.ticketing.order.application;
