/**
 * The catalog's use cases: list, edit, reserve and release a ticket. Each reads the ticket, lets
 * the aggregate decide, and stores the change with its event in one conditional write, reading
 * again when a concurrent write got there first.
 */
package dev.ticketing.catalog.application;
