/**
 * The catalog's use cases: list, edit, reserve and release a ticket. Each reads the ticket, lets
 * the aggregate decide, and stores the change with its event in one conditional write, reading
 * again when a concurrent write got there first.
 *
 * <p>This package owns its port, {@link dev.ticketing.catalog.application.Tickets}: the store
 * implements it, so dependencies point one way (api and events call in, the store plugs in) and
 * nothing here knows MongoDB, BSON or the bus. Checked by the service's {@code LayersTest}.
 */
package dev.ticketing.catalog.application;
