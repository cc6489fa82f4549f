package dev.ticketing.catalog.application;

import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.catalog.store.TicketStore;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.nats.PoisonMessage;
import dev.ticketing.store.outbox.CrashPoint;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.PendingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.types.ObjectId;

/** Listing, editing, reserving and releasing tickets; every change with its event. */
@ApplicationScoped
public class TicketCatalog {
    /**
     * Conditional writes lost to concurrent ones before giving up (each loss means progress
     * elsewhere).
     */
    private static final int MAX_ATTEMPTS = 20;

    @Inject TicketStore store;

    @Inject EventOutbox outbox;

    public Ticket list(String sellerId, String title, BigDecimal price) {
        Ticket ticket =
                Ticket.list(new ObjectId().toHexString(), title, price, sellerId, Instant.now());
        store.insert(
                ticket,
                outbox.pending(
                        new TicketCreated(
                                ticket.id(),
                                ticket.version(),
                                ticket.title(),
                                ticket.price(),
                                ticket.userId())));
        CrashPoint.afterWrite("ticket.create");
        outbox.relay(store.collection(), ticket.id());
        return ticket;
    }

    public Optional<Ticket> find(String id) {
        return store.find(id);
    }

    public List<Ticket> free(int offset, int limit) {
        return store.listFree(offset, limit);
    }

    public Ticket edit(String ticketId, String editor, String title, BigDecimal price) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Ticket before = store.find(ticketId).orElseThrow(NotFoundException::new);
            Ticket after = before.edit(editor, title, price);
            if (store.update(before, after, List.of(updated(after)))) {
                CrashPoint.afterWrite("ticket.update");
                outbox.relay(store.collection(), ticketId);
                return after;
            }
        }
        throw new IllegalStateException("ticket " + ticketId + " kept changing; edit not stored");
    }

    /** order.created: the order holds the ticket. */
    public Outcome reserve(String ticketId, String orderId, long orderVersion) {
        return apply(ticketId, "ticket.reserve", t -> t.reserve(orderId, orderVersion));
    }

    /** order.cancelled: the order let the ticket go (only if it holds it). */
    public Outcome release(String ticketId, String orderId, long orderVersion) {
        return apply(ticketId, "ticket.release", t -> t.release(orderId, orderVersion));
    }

    private Outcome apply(String ticketId, String write, Function<Ticket, Ticket.Change> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ticket> found = store.find(ticketId);
            if (found.isEmpty()) {
                // Orders are placed on copies of this catalog's tickets: an order event naming a
                // ticket
                // the catalog never had can never be applied.
                throw new PoisonMessage("ticket " + ticketId + " is not in the catalog");
            }
            Ticket before = found.get();
            Ticket.Change change = decide.apply(before);
            if (change.after().isEmpty()) {
                return change.outcome();
            }
            Ticket after = change.after().get();
            List<PendingEvent> events =
                    change.ticketChanged() ? List.of(updated(after)) : List.of();
            if (store.update(before, after, events)) {
                if (change.ticketChanged()) {
                    CrashPoint.afterWrite(write);
                    outbox.relay(store.collection(), ticketId);
                }
                return change.outcome();
            }
        }
        throw new IllegalStateException(
                "ticket " + ticketId + " kept changing; order event not applied");
    }

    private PendingEvent updated(Ticket t) {
        return outbox.pending(
                new TicketUpdated(
                        t.id(), t.version(), t.title(), t.price(), t.userId(), t.orderId()));
    }
}
