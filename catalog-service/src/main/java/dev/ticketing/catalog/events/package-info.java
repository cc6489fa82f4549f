/**
 * The catalog on the bus: the order events it consumes (reserve, release), settled by the service
 * kit. Ticket events leave through document-store's {@code EventOutbox}.
 */
package dev.ticketing.catalog.events;
