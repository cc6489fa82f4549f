/**
 * The orders database through the MongoDB driver: orders (each with its outbox) and the ticket
 * copies, every change one conditional write; the reservation is the copy's claim. The adapters
 * behind the application's {@code OrderBook} and {@code TicketCopies} ports: ids, duplicate keys
 * and outbox documents are dealt with here, so no driver or BSON type reaches the use cases.
 */
package dev.ticketing.order.store;
