package dev.ticketing.nats;

/** How a nack reason is treated: retried while it lasts, dead-lettered at once, or counted. */
public enum FailureKind {
    /**
     * A {@link TransientFailure}: redelivered with a capped doubling delay, never dead-lettered.
     */
    TRANSIENT,
    /** A {@link PoisonMessage}: dead-lettered at once. */
    POISON,
    /**
     * Anything else: redelivered after {@code backoff}, dead-lettered after {@code max-deliver}
     * such failures.
     */
    ORDINARY;

    /** The kind of {@code reason}: the first marker found walking its causes, else ORDINARY. */
    public static FailureKind of(Throwable reason) {
        int depth = 0;
        for (Throwable t = reason; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof PoisonMessage) {
                return POISON;
            }
            if (t instanceof TransientFailure) {
                return TRANSIENT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ORDINARY;
    }
}
