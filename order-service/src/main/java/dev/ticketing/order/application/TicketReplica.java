package dev.ticketing.order.application;

import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.events.VersionOrder;
import dev.ticketing.order.domain.TicketCopy;
import dev.ticketing.order.store.TicketCopyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Keeps the ticket copies in the catalog's version order (API.md): the next version is applied,
 * an old or equal one is a duplicate, a newer one waits for redelivery.
 */
@ApplicationScoped
public class TicketReplica {
    private static final int MAX_ATTEMPTS = 20;

    @Inject
    TicketCopyStore tickets;

    /** ticket.created: version 0 of a copy; a redelivered one is a duplicate, not an error. */
    public Outcome created(TicketCreated t) {
        Optional<TicketCopy> existing = tickets.find(t.id());
        long copyVersion = existing.map(TicketCopy::version).orElse(-1L);
        return switch (VersionOrder.of(copyVersion, t.version())) {
            case DUPLICATE -> Outcome.DUPLICATE;
            case EARLY -> Outcome.EARLY;
            case NEXT -> tickets.insertFirst(new TicketCopy(t.id(), t.title(), t.price(), t.userId(), t.version(),
                    null, null)) ? Outcome.APPLIED : Outcome.DUPLICATE;
        };
    }

    /** ticket.updated: the catalog's fields of the next version; the local reservation stays. */
    public Outcome updated(TicketUpdated t) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<TicketCopy> existing = tickets.find(t.id());
            if (existing.isEmpty()) {
                return Outcome.EARLY;
            }
            long copyVersion = existing.get().version();
            switch (VersionOrder.of(copyVersion, t.version())) {
                case DUPLICATE:
                    return Outcome.DUPLICATE;
                case EARLY:
                    return Outcome.EARLY;
                default:
                    TicketCopy next = new TicketCopy(t.id(), t.title(), t.price(), t.userId(), t.version(),
                            t.orderId(), existing.get().reservedBy());
                    if (tickets.replicate(next, copyVersion)) {
                        return Outcome.APPLIED;
                    }
            }
        }
        throw new IllegalStateException("ticket copy " + t.id() + " kept changing; update not applied");
    }
}
