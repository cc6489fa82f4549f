package dev.ticketing.kit.events;

/**
 * What applying an incoming event came to; {@link Settle} acknowledges or redelivers accordingly.
 */
public enum Outcome {
    /** Changed something: acknowledge. */
    APPLIED,
    /** Already applied, or nothing to do: acknowledge. */
    DUPLICATE,
    /**
     * Depends on an event not applied yet: redelivered later, for as long as it takes, never
     * dead-lettered.
     */
    EARLY
}
