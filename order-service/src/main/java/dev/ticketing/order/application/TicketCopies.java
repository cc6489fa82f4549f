package dev.ticketing.order.application;

import dev.ticketing.order.domain.TicketCopy;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * order-service's copies of the catalog's tickets, and the claim on each that decides which order
 * holds it: the port the use cases own and the store package implements.
 */
public interface TicketCopies {

    /** A live claim the sweep looks at: the ticket, the order it names, and since when. */
    record Claim(String ticketId, String orderId, Date reservedAt) {}

    Optional<TicketCopy> find(String id);

    /** Stores the first version of a copy; false if a copy already exists. */
    boolean insertFirst(TicketCopy copy);

    /**
     * Applies the catalog's version {@code next} only if the copy is older ({@link
     * dev.ticketing.common.events.VersionOrder}, as one conditional write); false when there is no
     * copy or it is as new. The local reservation is never overwritten by replication.
     */
    boolean replicateIfNewer(TicketCopy next);

    /**
     * THE reservation: the ticket is claimed for {@code orderId} only if nobody holds it; of any
     * number of concurrent claims exactly one wins.
     *
     * @return the claimed copy, or empty when the ticket is unknown or already held
     */
    Optional<TicketCopy> claim(String ticketId, String orderId, Instant now);

    /** Lets the ticket go, only if {@code orderId} holds it. */
    boolean release(String ticketId, String orderId);

    /** Closes the claim of a sold ticket (it stays held, and the sweep no longer reads it). */
    boolean closeClaim(String ticketId, String orderId);

    /**
     * Live claims made before {@code before}, oldest first, at most {@code max} after the claim
     * {@code after} (null: from the oldest).
     */
    List<Claim> claimsOlderThan(Instant before, Claim after, int max);
}
