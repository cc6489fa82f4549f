package dev.ticketing.order.application;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.order.domain.TicketCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the ticket copies (docs/api.md, "Events"). ticket.created and ticket.updated carry the
 * ticket's whole state, so a copy takes any version newer than its own: one that missed an update
 * catches up with the next, and orders are priced from the newest version this service has seen. An
 * older or equal version is a duplicate. The local reservation is never touched by replication.
 */
@ApplicationScoped
public class TicketReplica {
    @Inject TicketCopies tickets;

    /**
     * ticket.created: version 0 of a copy; a redelivered one, or one overtaken by an update, is a
     * duplicate.
     */
    public Outcome created(TicketCreated t) {
        TicketCopy first = new TicketCopy(t.listing(), t.version(), null, null, false);
        // Usually the first this service hears of the ticket: one insert.
        if (tickets.insertFirst(first)) {
            return Outcome.APPLIED;
        }
        return tickets.replicateIfNewer(first) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    /** ticket.updated: the catalog's fields of a newer version; the local reservation stays. */
    public Outcome updated(TicketUpdated t) {
        TicketCopy next =
                new TicketCopy(t.listing(), t.version(), t.orderId(), null, t.withdrawn());
        // Usually the copy exists and is older: one conditional write.
        if (tickets.replicateIfNewer(next)) {
            return Outcome.APPLIED;
        }
        // No copy (the update overtook ticket.created), or one as new. Copies are never deleted,
        // so once an insert fails a copy exists, and a second miss means it is as new: a duplicate.
        if (tickets.insertFirst(next)) {
            return Outcome.APPLIED;
        }
        return tickets.replicateIfNewer(next) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}
