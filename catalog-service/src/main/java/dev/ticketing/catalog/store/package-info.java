/**
 * Tickets in the catalog database through the MongoDB driver: one document per ticket holding its
 * pending events (the outbox), every change one conditional write on the version it was read at.
 * The adapter behind the application's {@code Tickets} port; ids and outbox documents are made
 * here, so no driver or BSON type reaches the use cases.
 */
package dev.ticketing.catalog.store;
