/**
 * The orders database through the MongoDB driver: orders (each with its outbox) and the ticket
 * copies, every change one conditional write; the reservation is the copy's claim.
 */
package dev.ticketing.order.store;
