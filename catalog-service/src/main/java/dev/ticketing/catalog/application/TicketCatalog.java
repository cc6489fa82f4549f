package dev.ticketing.catalog.application;

import dev.ticketing.catalog.domain.SalePayout;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.catalog.domain.TicketFile;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.store.outbox.CrashPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Listing, editing, withdrawing, reserving, releasing and selling tickets; every change with its
 * event.
 */
@ApplicationScoped
public class TicketCatalog {
    /**
     * Conditional writes lost to concurrent ones before giving up (each loss means progress
     * elsewhere).
     */
    private static final int MAX_ATTEMPTS = 20;

    @Inject Tickets store;

    @Inject TicketFiles files;

    @Inject SalePayouts payouts;

    /** A new listing; {@code event} and {@code seat} may be null (none named). */
    public Ticket list(String sellerId, String title, BigDecimal price, Event event, Seat seat) {
        Ticket ticket =
                Ticket.list(
                        new Listing(store.newId(), title, price, event, seat, sellerId),
                        Instant.now());
        store.insert(ticket, new TicketCreated(ticket.listing(), ticket.version()));
        CrashPoint.afterWrite("ticket.create");
        store.relayEvents(ticket.id());
        return ticket;
    }

    public Optional<Ticket> find(String id) {
        return store.find(id);
    }

    public List<Ticket> free(int offset, int limit) {
        return store.listFree(offset, limit);
    }

    /** A buyer's search: one page, and where the next one starts when there is more. */
    public TicketSearch.Page search(TicketSearch search) {
        // One more than the page: whether a next page exists, without a second query.
        List<Ticket> found = store.search(search, Instant.now(), search.limit() + 1);
        if (found.size() <= search.limit()) {
            return new TicketSearch.Page(found, null);
        }
        List<Ticket> page = found.subList(0, search.limit());
        return new TicketSearch.Page(page, search.order().positionOf(page.get(page.size() - 1)));
    }

    /** A listing on its seller's dashboard, with the payout of its sale once it is sold. */
    public record SellerListing(Ticket ticket, SalePayout payout) {}

    /**
     * The seller's dashboard: every listing, any state, newest first; a sold one with its payout
     * (docs/api.md, "Delivery and payouts"), once payment-service has announced it.
     */
    public List<SellerListing> listedBy(String sellerId, int offset, int limit) {
        List<Ticket> listings = store.listBySeller(sellerId, offset, limit);
        Map<String, SalePayout> payoutsByOrder =
                payouts.ofOrders(
                        listings.stream()
                                .filter(t -> t.state() == Ticket.State.SOLD)
                                .map(Ticket::orderId)
                                .toList());
        return listings.stream()
                .map(
                        t ->
                                new SellerListing(
                                        t,
                                        t.state() == Ticket.State.SOLD
                                                ? payoutsByOrder.get(t.orderId())
                                                : null))
                .toList();
    }

    /** payout.created: the sale's payout, pending. */
    public Outcome payoutOwed(SalePayout payout) {
        return payouts.owed(payout) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    /** payout.released: the seller was paid. */
    public Outcome payoutPaid(SalePayout payout) {
        return payouts.paid(payout) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    /** payout.cancelled: the sale was refunded; its seller is not paid. */
    public Outcome payoutCancelled(String orderId, String ticketId) {
        return payouts.cancelled(orderId, ticketId) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    /** The seller's edit; a null {@code event} or {@code seat} keeps the listing's. */
    public Ticket edit(
            String ticketId,
            String editor,
            String title,
            BigDecimal price,
            Event event,
            Seat seat) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Ticket before = store.find(ticketId).orElseThrow(NotFoundException::new);
            Ticket after = before.edit(editor, title, price, event, seat, Instant.now());
            if (store.update(before, after, List.of(updated(after)))) {
                CrashPoint.afterWrite("ticket.update");
                store.relayEvents(ticketId);
                return after;
            }
        }
        throw new IllegalStateException("ticket " + ticketId + " kept changing; edit not stored");
    }

    /**
     * The seller takes the listing down; withdrawing it again changes nothing. Returns the ticket
     * as it now is.
     */
    public Ticket withdraw(String ticketId, String seller) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Ticket before = store.find(ticketId).orElseThrow(NotFoundException::new);
            Optional<Ticket> after = before.withdraw(seller, Instant.now());
            if (after.isEmpty()) {
                return before;
            }
            if (store.update(before, after.get(), List.of(updated(after.get())))) {
                CrashPoint.afterWrite("ticket.withdraw");
                store.relayEvents(ticketId);
                return after.get();
            }
        }
        throw new IllegalStateException(
                "ticket " + ticketId + " kept changing; withdrawal not stored");
    }

    /**
     * The seller attaches the ticket itself, replacing any earlier file. The content is stored
     * first under a new id and the listing then pointed at it in one conditional write, so a
     * download never finds a listing without its content; the replaced content is deleted after. A
     * crash in between leaves only unreferenced content behind, never a listing without a file.
     */
    public Ticket attach(String ticketId, String seller, TicketFile.Type type, byte[] content) {
        // Refused before anything is stored: someone else's listing, a sold one, a bad file.
        store.find(ticketId).orElseThrow(NotFoundException::new).requireAttachable(seller);
        TicketFile file = TicketFile.accept(store.newId(), type, content, Instant.now());
        files.save(file.id(), ticketId, type.mediaType(), content);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Ticket before = store.find(ticketId).orElseThrow(NotFoundException::new);
            Ticket after;
            try {
                after = before.attach(seller, file);
            } catch (RuntimeException refused) {
                files.delete(file.id()); // sold or withdrawn meanwhile
                throw refused;
            }
            if (store.attachFile(before, after)) {
                if (before.file() != null) {
                    files.delete(before.file().id());
                }
                return after;
            }
        }
        files.delete(file.id());
        throw new IllegalStateException("ticket " + ticketId + " kept changing; file not stored");
    }

    /** A listing's file and its content, for the seller or the buyer of its completed sale. */
    public record Download(TicketFile file, byte[] content) {}

    /** 401 for anyone else (as for a listing that has no file); 404 when none was attached. */
    public Download download(String ticketId, String caller) {
        Ticket ticket = store.find(ticketId).orElseThrow(NotFoundException::new);
        if (!ticket.mayDownload(caller)) {
            throw new NotAuthorizedException();
        }
        TicketFile file = ticket.file();
        if (file == null) {
            throw new NotFoundException();
        }
        byte[] content = files.content(file.id()).orElseThrow(NotFoundException::new);
        return new Download(file, content);
    }

    /** order.created: the order holds the ticket. */
    public Outcome reserve(String ticketId, String orderId, long orderVersion) {
        return apply(ticketId, "ticket.reserve", t -> t.reserve(orderId, orderVersion));
    }

    /** order.cancelled: the order let the ticket go (only if it holds it). */
    public Outcome release(String ticketId, String orderId, long orderVersion) {
        return apply(ticketId, "ticket.release", t -> t.release(orderId, orderVersion));
    }

    /**
     * order.completed: the order holding the ticket was paid; the ticket is sold to {@code buyerId}
     * (null from an event older than that field: then only the seller can download the file).
     */
    public Outcome sell(String ticketId, String orderId, String buyerId, long orderVersion) {
        return apply(
                ticketId,
                "ticket.sell",
                t -> t.complete(orderId, buyerId, orderVersion, Instant.now()));
    }

    private Outcome apply(String ticketId, String write, Function<Ticket, Ticket.Change> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ticket> found = store.find(ticketId);
            if (found.isEmpty()) {
                throw new UnknownTicket(ticketId);
            }
            Ticket before = found.get();
            Ticket.Change change = decide.apply(before);
            if (change.after().isEmpty()) {
                return change.outcome();
            }
            Ticket after = change.after().get();
            List<EventPayload> events =
                    change.ticketChanged() ? List.of(updated(after)) : List.of();
            if (store.update(before, after, events)) {
                if (change.ticketChanged()) {
                    CrashPoint.afterWrite(write);
                    store.relayEvents(ticketId);
                }
                return change.outcome();
            }
        }
        throw new IllegalStateException(
                "ticket " + ticketId + " kept changing; order event not applied");
    }

    private static EventPayload updated(Ticket t) {
        return new TicketUpdated(
                t.id(),
                t.version(),
                t.title(),
                t.price(),
                t.userId(),
                t.orderId(),
                t.state().wireName(),
                t.event(),
                t.seat());
    }
}
