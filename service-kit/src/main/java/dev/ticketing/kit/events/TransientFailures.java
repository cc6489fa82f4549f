package dev.ticketing.kit.events;

/**
 * Tells a transient failure (a dependency unreachable or slow: retry later, for as long as it
 * lasts) from one that would fail again. {@link Settle} knows the JDK's network timeouts; each
 * adapter adds its own as a CDI bean (document-store the MongoDB driver's, payment-service its
 * gateway's, timer-service its timer store's), so the rule for a dependency lives beside it.
 */
public interface TransientFailures {

    /**
     * True when {@code failure} itself (not its causes: {@link Settle} walks them) is transient.
     */
    boolean isTransient(Throwable failure);
}
