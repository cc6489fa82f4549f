/**
 * The catalog on the bus: the order events it consumes (reserve, release) and the relay that
 * publishes what ticket outboxes hold.
 */
package dev.ticketing.catalog.events;
