package dev.ticketing.catalog.domain;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Listed;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.kit.events.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket for sale; the catalog's aggregate root. {@code version} grows by one with every change,
 * and every change is published as ticket.created / ticket.updated with that version.
 *
 * @param listing what the seller listed: id, title, price, event, seat and seller
 * @param orderId the order holding the ticket, null while it is free; a sold ticket keeps its
 *     buyer's order
 * @param soldAt when the catalog learnt its order was paid (order.completed), null until then
 * @param withdrawnAt when the seller took it down, null while it is listed
 * @param buyerId who paid for it (from its order.completed), null until it is sold
 * @param file the ticket itself as the seller attached it, null until they do
 * @param orderEvents for every order that ever held (or tried to hold) this ticket, the version of
 *     its last order event applied here: the memory that makes order events idempotent and tells a
 *     stale or early one from a current one
 */
public record Ticket(
        Listing listing,
        long version,
        String orderId,
        Instant listedAt,
        Instant soldAt,
        Instant withdrawnAt,
        String buyerId,
        TicketFile file,
        Map<String, Long> orderEvents)
        implements Listed {

    public Ticket {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(listing.id(), "id");
        Objects.requireNonNull(listing.title(), "title");
        Objects.requireNonNull(listing.price(), "price");
        Objects.requireNonNull(listing.userId(), "userId");
        Objects.requireNonNull(listedAt, "listedAt");
        orderEvents = Map.copyOf(orderEvents == null ? Map.of() : orderEvents);
    }

    /** A new listing: version 0, free. */
    public static Ticket list(Listing listing, Instant now) {
        requireFuture(listing.event(), now);
        return new Ticket(
                new Listing(
                        listing.id(),
                        listing.title(),
                        Price.normalize(listing.price()),
                        listing.event(),
                        listing.seat(),
                        listing.userId()),
                0,
                null,
                now,
                null,
                null,
                null,
                null,
                Map.of());
    }

    /**
     * Where the storefront shows it (docs/api.md, "Events and listings"). A sale outranks a
     * withdrawal: a buyer who paid before order-service learnt of the withdrawal keeps the ticket.
     */
    public State state() {
        if (soldAt != null) {
            return State.SOLD;
        }
        if (withdrawnAt != null) {
            return State.WITHDRAWN;
        }
        return isReserved() ? State.RESERVED : State.ON_SALE;
    }

    /** A listing's state, with its name on the wire. */
    public enum State {
        ON_SALE("on-sale"),
        RESERVED("reserved"),
        SOLD("sold"),
        WITHDRAWN("withdrawn");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** The request's check ran a moment earlier; this guards the rule where it lives. */
    private static void requireFuture(Event event, Instant now) {
        ValidationFailure.builder()
                .addIf(
                        event != null && event.hasStarted(now),
                        "event.startsAt",
                        Event.NOT_IN_FUTURE)
                .throwIfAny();
    }

    public boolean isReserved() {
        return orderId != null;
    }

    /**
     * The seller changes title and price, and the event and seat when the edit names them ({@link
     * Listing#edited}): only the seller, and only while it is on sale.
     */
    public Ticket edit(
            String editor,
            String newTitle,
            BigDecimal newPrice,
            Event newEvent,
            Seat newSeat,
            Instant now) {
        requireSeller(editor);
        switch (state()) {
            case SOLD -> throw new BusinessRuleException("Cannot edit a sold ticket");
            case WITHDRAWN -> throw new BusinessRuleException("Cannot edit a withdrawn ticket");
            case RESERVED -> throw new BusinessRuleException("Cannot edit a reserved ticket");
            case ON_SALE -> {}
        }
        requireFuture(newEvent, now);
        return new Ticket(
                listing.edited(newTitle, Price.normalize(newPrice), newEvent, newSeat),
                version + 1,
                null,
                listedAt,
                null,
                null,
                null,
                file,
                orderEvents);
    }

    /**
     * The seller takes the listing down: never listed or orderable again. Only an on-sale listing;
     * withdrawing a withdrawn one changes nothing (empty), like cancelling a cancelled order.
     */
    public Optional<Ticket> withdraw(String seller, Instant now) {
        requireSeller(seller);
        return switch (state()) {
            case SOLD -> throw new BusinessRuleException("Cannot withdraw a sold ticket");
            case RESERVED -> throw new BusinessRuleException("Cannot withdraw a reserved ticket");
            case WITHDRAWN -> Optional.empty();
            case ON_SALE -> Optional.of(next(orderId, null, now, orderEvents));
        };
    }

    /**
     * The seller attaches the ticket itself (replacing an earlier file): only while it is on sale
     * or reserved, so the buyer of a completed sale gets the file they paid for. No new version:
     * the file is no part of what other services copy.
     */
    public Ticket attach(String seller, TicketFile newFile) {
        requireAttachable(seller);
        return next(orderId, soldAt, withdrawnAt, orderEvents, buyerId, newFile);
    }

    /** 401 unless {@code seller} is the seller; 400 once the listing is sold or withdrawn. */
    public void requireAttachable(String seller) {
        requireSeller(seller);
        switch (state()) {
            case SOLD -> throw new BusinessRuleException("Cannot attach a file to a sold ticket");
            case WITHDRAWN ->
                    throw new BusinessRuleException("Cannot attach a file to a withdrawn ticket");
            case ON_SALE, RESERVED -> {}
        }
    }

    /** Who may download the attached file: the seller, and the buyer once the sale is complete. */
    public boolean mayDownload(String caller) {
        return caller != null
                && (caller.equals(userId()) || (state() == State.SOLD && caller.equals(buyerId)));
    }

    private void requireSeller(String caller) {
        if (!userId().equals(caller)) {
            throw new NotAuthorizedException();
        }
    }

    /**
     * What an order event does to this ticket: its outcome, and the ticket after it when it
     * changes.
     */
    public record Change(Outcome outcome, Optional<Ticket> after, boolean ticketChanged) {
        static Change none(Outcome outcome) {
            return new Change(outcome, Optional.empty(), false);
        }

        /** Only the memory of orders changes: no new version, no event. */
        static Change remembered(Outcome outcome, Ticket after) {
            return new Change(outcome, Optional.of(after), false);
        }

        static Change applied(Ticket after) {
            return new Change(Outcome.APPLIED, Optional.of(after), true);
        }
    }

    /**
     * order.created: the order now holds the ticket, unless this order was seen before (a
     * redelivery, or its order.cancelled overtook it). A ticket held by another order cannot be
     * reserved yet: order-service only lets a new order claim it after the previous one released
     * it, so that order's order.cancelled is on its way (it travels on another subject and may
     * arrive later); the event waits for it. A withdrawn ticket is never reserved: the order is
     * remembered, and order-service cancels it when the withdrawal reaches it (or, had the buyer
     * already paid, its order.completed sells the ticket after all: see {@link #complete}).
     */
    public Change reserve(String order, long orderVersion) {
        if (orderEvents.containsKey(order)) {
            return Change.none(Outcome.DUPLICATE);
        }
        Map<String, Long> seen = remember(order, orderVersion);
        if (state() == State.WITHDRAWN) {
            return Change.remembered(Outcome.DUPLICATE, next(orderId, soldAt, withdrawnAt, seen));
        }
        if (isReserved()) {
            return Change.none(Outcome.EARLY);
        }
        return Change.applied(next(order, soldAt, withdrawnAt, seen));
    }

    /**
     * order.cancelled: released only if that order holds it (a stale cancellation must never free a
     * newer order's hold). A cancellation that overtook its order.created is remembered, so that
     * order.created, when it comes, is a duplicate and never reserves the ticket for a dead order.
     * Any later order version counts as newer: the catalog does not consume every order event, so
     * the versions it sees need not be consecutive. A sold ticket is never released (a paid order
     * is never cancelled; should one say so, the sale stands).
     */
    public Change release(String order, long orderVersion) {
        if (isStale(order, orderVersion)) {
            return Change.none(Outcome.DUPLICATE);
        }
        Map<String, Long> seen = remember(order, orderVersion);
        if (!order.equals(orderId) || state() == State.SOLD) {
            return Change.remembered(Outcome.DUPLICATE, next(orderId, soldAt, withdrawnAt, seen));
        }
        return Change.applied(next(null, null, withdrawnAt, seen));
    }

    /**
     * order.completed: the order holding the ticket was paid, so it is sold, for good. It waits
     * until this order's order.created has been applied here (the two travel on different
     * subjects). An order that was refused because the listing had been withdrawn, and was paid
     * before order-service learnt of it, buys the ticket after all: the buyer's money has moved.
     */
    public Change complete(String order, String buyer, long orderVersion, Instant now) {
        if (!orderEvents.containsKey(order)) {
            return Change.none(Outcome.EARLY);
        }
        if (isStale(order, orderVersion)) {
            return Change.none(Outcome.DUPLICATE);
        }
        Map<String, Long> seen = remember(order, orderVersion);
        boolean holds = order.equals(orderId) && soldAt == null;
        boolean paidDespiteWithdrawal = state() == State.WITHDRAWN && orderId == null;
        if (!holds && !paidDespiteWithdrawal) {
            // Not this ticket's holder: order-service never completes a cancelled order, so this is
            // a stale view; remembered, nothing else changes.
            return Change.remembered(Outcome.DUPLICATE, next(orderId, soldAt, withdrawnAt, seen));
        }
        return Change.applied(next(order, now, withdrawnAt, seen, buyer, file));
    }

    private boolean isStale(String order, long orderVersion) {
        Long seenVersion = orderEvents.get(order);
        return seenVersion != null && orderVersion <= seenVersion;
    }

    private Map<String, Long> remember(String order, long orderVersion) {
        Map<String, Long> seen = new HashMap<>(orderEvents);
        seen.put(order, orderVersion);
        return seen;
    }

    /**
     * This ticket with a new holder, sale, withdrawal and order memory (and buyer and file); one
     * version later when any of the first three changes (remembering an order or attaching a file
     * is no new version).
     */
    private Ticket next(String holder, Instant sold, Instant withdrawn, Map<String, Long> seen) {
        return next(holder, sold, withdrawn, seen, buyerId, file);
    }

    private Ticket next(
            String holder,
            Instant sold,
            Instant withdrawn,
            Map<String, Long> seen,
            String buyer,
            TicketFile attached) {
        boolean changed =
                !Objects.equals(holder, orderId)
                        || !Objects.equals(sold, soldAt)
                        || !Objects.equals(withdrawn, withdrawnAt);
        return new Ticket(
                listing,
                changed ? version + 1 : version,
                holder,
                listedAt,
                sold,
                withdrawn,
                buyer,
                attached,
                seen);
    }
}
