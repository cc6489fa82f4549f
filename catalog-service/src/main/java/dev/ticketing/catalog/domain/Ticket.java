package dev.ticketing.catalog.domain;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.listing.Event;
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
 * @param event what the ticket is for, null when the seller named none
 * @param seat where it sits, null when the seller described none
 * @param orderId the order holding the ticket, null while it is free
 * @param orderEvents for every order that ever held (or tried to hold) this ticket, the version of
 *     its last order event applied here: the memory that makes order events idempotent and tells a
 *     stale or early one from a current one
 */
public record Ticket(
        String id,
        String title,
        BigDecimal price,
        Event event,
        Seat seat,
        String userId,
        long version,
        String orderId,
        Instant listedAt,
        Map<String, Long> orderEvents) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(listedAt, "listedAt");
        orderEvents = Map.copyOf(orderEvents == null ? Map.of() : orderEvents);
    }

    /** A new listing: version 0, free. */
    public static Ticket list(
            String id,
            String title,
            BigDecimal price,
            Event event,
            Seat seat,
            String userId,
            Instant now) {
        requireFuture(event, now);
        return new Ticket(
                id, title, Price.normalize(price), event, seat, userId, 0, null, now, Map.of());
    }

    /** Where the storefront shows it: on sale, or reserved by an order. */
    public State state() {
        return isReserved() ? State.RESERVED : State.ON_SALE;
    }

    /** A listing's state, with its name on the wire. */
    public enum State {
        ON_SALE("on-sale"),
        RESERVED("reserved");

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
     * The seller changes title and price, and the event and seat when the edit names them (null
     * keeps what the listing has: an old client's edit does not know them): only the seller, and
     * only while no order holds it.
     */
    public Ticket edit(
            String editor,
            String newTitle,
            BigDecimal newPrice,
            Event newEvent,
            Seat newSeat,
            Instant now) {
        if (!userId.equals(editor)) {
            throw new NotAuthorizedException();
        }
        if (isReserved()) {
            throw new BusinessRuleException("Cannot edit a reserved ticket");
        }
        requireFuture(newEvent, now);
        return new Ticket(
                id,
                newTitle,
                Price.normalize(newPrice),
                newEvent == null ? event : newEvent,
                newSeat == null ? seat : newSeat,
                userId,
                version + 1,
                null,
                listedAt,
                orderEvents);
    }

    /**
     * What an order event does to this ticket: its outcome, and the ticket after it when it
     * changes.
     */
    public record Change(Outcome outcome, Optional<Ticket> after, boolean ticketChanged) {
        static Change none(Outcome outcome) {
            return new Change(outcome, Optional.empty(), false);
        }
    }

    /**
     * order.created: the order now holds the ticket, unless this order was seen before (a
     * redelivery, or its order.cancelled overtook it). A ticket held by another order cannot be
     * reserved yet: order-service only lets a new order claim it after the previous one released
     * it, so that order's order.cancelled is on its way (it travels on another subject and may
     * arrive later); the event waits for it.
     */
    public Change reserve(String order, long orderVersion) {
        if (orderEvents.containsKey(order)) {
            return Change.none(Outcome.DUPLICATE);
        }
        if (isReserved()) {
            return Change.none(Outcome.EARLY);
        }
        Map<String, Long> seen = new HashMap<>(orderEvents);
        seen.put(order, orderVersion);
        return new Change(
                Outcome.APPLIED,
                Optional.of(
                        new Ticket(
                                id,
                                title,
                                price,
                                event,
                                seat,
                                userId,
                                version + 1,
                                order,
                                listedAt,
                                seen)),
                true);
    }

    /**
     * order.cancelled: released only if that order holds the ticket (a stale cancellation must
     * never free a newer order's hold). A cancellation that overtook its order.created is
     * remembered, so that order.created, when it comes, is a duplicate and never reserves the
     * ticket for a dead order. Any later order version counts as newer: the catalog does not
     * consume every order event (order.completed), so the versions it sees need not be consecutive.
     */
    public Change release(String order, long orderVersion) {
        Long seenVersion = orderEvents.get(order);
        if (seenVersion != null && orderVersion <= seenVersion) {
            return Change.none(Outcome.DUPLICATE);
        }
        Map<String, Long> seen = new HashMap<>(orderEvents);
        seen.put(order, orderVersion);
        if (!order.equals(orderId)) {
            return new Change(
                    Outcome.DUPLICATE,
                    Optional.of(
                            new Ticket(
                                    id, title, price, event, seat, userId, version, orderId,
                                    listedAt, seen)),
                    false);
        }
        return new Change(
                Outcome.APPLIED,
                Optional.of(
                        new Ticket(
                                id,
                                title,
                                price,
                                event,
                                seat,
                                userId,
                                version + 1,
                                null,
                                listedAt,
                                seen)),
                true);
    }
}
