package dev.ticketing.common.events;

/**
 * The rule every copy of another service's aggregate keeps (API.md, Events): an event carries the
 * aggregate's version after the change, and a copy applies it only when it is the next one.
 */
public enum VersionOrder {
    /** {@code event == copy + 1}: apply it, then acknowledge. */
    NEXT,
    /** {@code event <= copy}: already applied (a redelivery or a duplicate); acknowledge, change nothing. */
    DUPLICATE,
    /** {@code event > copy + 1}: an earlier change has not arrived yet; do not acknowledge, it comes back. */
    EARLY;

    public static VersionOrder of(long copyVersion, long eventVersion) {
        if (eventVersion == copyVersion + 1) {
            return NEXT;
        }
        return eventVersion <= copyVersion ? DUPLICATE : EARLY;
    }
}
