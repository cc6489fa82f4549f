package dev.ticketing.common.events;

/**
 * The rule every copy of another service's aggregate keeps (docs/api.md, "Events"): an event
 * carries the aggregate's version after the change, and the events copies are built from carry the
 * whole state a copy needs, so a copy applies any event newer than itself. A copy that missed a
 * version (its event dead-lettered, or still on its way on another subject) catches up with the
 * next one instead of waiting forever for the one it missed.
 */
public enum VersionOrder {
    /**
     * {@code event > copy}: apply it (the next version, or a later one that supersedes those
     * missed).
     */
    NEWER,
    /**
     * {@code event <= copy}: already applied or superseded (a redelivery, a late event); change
     * nothing.
     */
    DUPLICATE;

    public static VersionOrder of(long copyVersion, long eventVersion) {
        return eventVersion > copyVersion ? NEWER : DUPLICATE;
    }
}
