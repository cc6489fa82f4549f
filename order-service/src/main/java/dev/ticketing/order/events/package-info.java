/**
 * order-service on the bus: the catalog's ticket events it copies, the expiry and payment events
 * that end orders, and the relay that publishes what order outboxes hold.
 */
package dev.ticketing.order.events;
