/**
 * Settling incoming events, the same way in every service: a consumer reads and applies, {@link
 * dev.ticketing.kit.events.Settle} acknowledges, redelivers or dead-letters by {@link
 * dev.ticketing.kit.events.Outcome} and failure kind.
 */
package dev.ticketing.kit.events;
