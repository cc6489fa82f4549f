package dev.ticketing.order.application;

/** What handling an incoming event came to; the consumer acks or nacks accordingly. */
public enum Outcome {
    /** Changed something. */
    APPLIED,
    /** Already applied, or nothing to do: acknowledge. */
    DUPLICATE,
    /** Depends on an event not yet applied: do not acknowledge, it comes back. */
    EARLY
}
