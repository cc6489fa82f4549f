package dev.ticketing.catalog.domain;

/** What applying an order event to a ticket came to; the consumer acks or nacks accordingly. */
public enum EventOutcome {
    /** The ticket changed (and a ticket.updated event was written with it). */
    APPLIED,
    /** Already applied, or nothing to change: acknowledge. */
    DUPLICATE,
    /** An event this one depends on has not arrived yet: do not acknowledge, it comes back later. */
    EARLY
}
