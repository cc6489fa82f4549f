/**
 * Tickets in the catalog database: one document per ticket holding its pending events (the outbox),
 * mapped by Jakarta NoSQL ({@code TicketDocument}) and read and inserted through its template;
 * every change is one conditional write on the version it was read at, made with the MongoDB driver
 * because JNoSQL 1.1 cannot express it. The adapter behind the application's {@code Tickets} port;
 * ids and outbox documents are made here, so no driver, BSON or JNoSQL type reaches the use cases.
 */
package dev.ticketing.catalog.store;
