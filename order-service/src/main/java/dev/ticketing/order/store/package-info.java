/**
 * The orders database: orders (each with its outbox) and the ticket copies, mapped by Jakarta NoSQL
 * ({@code OrderDocument}, {@code TicketCopyDocument}) and read and inserted through its template.
 * Every change is one conditional write with the MongoDB driver (JNoSQL 1.1 has no conditional
 * update and no find-and-modify), and what a find-and-modify returns is mapped by JNoSQL's
 * converter onto the same entity ({@code DriverResults}); the reservation is the copy's claim. The
 * adapters behind the application's {@code OrderBook} and {@code TicketCopies} ports: ids,
 * duplicate keys and outbox documents are dealt with here, so no driver, BSON or JNoSQL type
 * reaches the use cases.
 */
package dev.ticketing.order.store;
