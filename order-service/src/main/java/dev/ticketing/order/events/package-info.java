/**
 * order-service on the bus: the catalog's ticket events it copies, and the expiry and payment
 * events that end orders; each settled by the service kit's {@code Settle}. Order events leave
 * through document-store's {@code EventOutbox}.
 */
package dev.ticketing.order.events;
