package dev.ticketing.order.application;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.events.VersionOrder;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.order.domain.TicketCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Keeps the ticket copies (docs/api.md, "Events"). ticket.created and ticket.updated carry the
 * ticket's whole state, so a copy takes any version newer than its own: one that missed an update
 * catches up with the next, and orders are priced from the newest version this service has seen. An
 * older or equal version is a duplicate. The local reservation is never touched by replication.
 */
@ApplicationScoped
public class TicketReplica {
    private static final int MAX_ATTEMPTS = 20;

    @Inject TicketCopies tickets;

    /**
     * ticket.created: version 0 of a copy; a redelivered one, or one overtaken by an update, is a
     * duplicate.
     */
    public Outcome created(TicketCreated t) {
        return replicate(
                new TicketCopy(
                        t.id(),
                        t.title(),
                        t.price(),
                        t.event(),
                        t.seat(),
                        t.userId(),
                        t.version(),
                        null,
                        null,
                        false));
    }

    /** ticket.updated: the catalog's fields of a newer version; the local reservation stays. */
    public Outcome updated(TicketUpdated t) {
        return replicate(
                new TicketCopy(
                        t.id(),
                        t.title(),
                        t.price(),
                        t.event(),
                        t.seat(),
                        t.userId(),
                        t.version(),
                        t.orderId(),
                        null,
                        t.withdrawn()));
    }

    private Outcome replicate(TicketCopy next) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<TicketCopy> existing = tickets.find(next.id());
            if (existing.isEmpty()) {
                // The first version this service sees (an update may overtake ticket.created).
                if (tickets.insertFirst(next)) {
                    return Outcome.APPLIED;
                }
                continue; // inserted concurrently: compare with that one
            }
            long copyVersion = existing.get().version();
            if (VersionOrder.of(copyVersion, next.version()) == VersionOrder.DUPLICATE) {
                return Outcome.DUPLICATE;
            }
            if (tickets.replicate(next, copyVersion)) {
                return Outcome.APPLIED;
            }
        }
        throw new IllegalStateException(
                "ticket copy "
                        + next.id()
                        + " kept changing; version "
                        + next.version()
                        + " not applied");
    }
}
