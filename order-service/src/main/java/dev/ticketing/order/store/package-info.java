/**
 * The orders database: orders (each with its outbox), mapped by Jakarta NoSQL ({@code
 * OrderDocument}) and read and inserted through its template, and the ticket copies. Every change
 * is one conditional write with the MongoDB driver (JNoSQL 1.1 has no conditional update and no
 * find-and-modify); the reservation is the copy's claim. The adapters behind the application's
 * {@code OrderBook} and {@code TicketCopies} ports: ids, duplicate keys and outbox documents are
 * dealt with here, so no driver, BSON or JNoSQL type reaches the use cases.
 */
package dev.ticketing.order.store;
