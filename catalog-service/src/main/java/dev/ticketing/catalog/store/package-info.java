/**
 * Tickets in the catalog database through the MongoDB driver: one document per ticket holding its
 * pending events (the outbox), every change one conditional write on the version it was read at.
 */
package dev.ticketing.catalog.store;
