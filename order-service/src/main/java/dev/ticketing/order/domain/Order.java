package dev.ticketing.order.domain;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order: a buyer's hold on one ticket until {@code expiresAt}, then paid or cancelled. {@code
 * version} grows by one with every change; each change is one event (order.created,
 * order.cancelled, order.completed) carrying that version.
 */
public record Order(
        String id,
        String userId,
        OrderStatus status,
        Instant expiresAt,
        long version,
        Ticket ticket) {

    /**
     * The ticket as it was when ordered: what the buyer agreed to pay, for which event and seat
     * (each null when the listing had none).
     */
    public record Ticket(
            String id, String title, BigDecimal price, long version, Event event, Seat seat) {

        /** A ticket without event or seat, as the original contract had it. */
        public Ticket(String id, String title, BigDecimal price, long version) {
            this(id, title, price, version, null, null);
        }
    }

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ticket, "ticket");
    }

    /** A new order holding {@code ticket} for {@code window} from {@code now}. */
    public static Order place(
            String id, String buyerId, Ticket ticket, Instant now, Duration window) {
        return new Order(id, buyerId, OrderStatus.CREATED, now.plus(window), 0, ticket);
    }

    public boolean isOwnedBy(String userId) {
        return this.userId != null && this.userId.equals(userId);
    }

    /**
     * The buyer cancels. A paid order cannot be cancelled (the original app let a cancel undo a
     * sale); an already cancelled order stays as it is: no change, so no second event.
     */
    public Optional<Order> cancel() {
        if (status == OrderStatus.COMPLETE) {
            throw new BusinessRuleException("Cannot cancel a completed order");
        }
        return expire();
    }

    /** The hold ran out: cancelled, unless already paid or cancelled (then nothing happens). */
    public Optional<Order> expire() {
        if (!status.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(with(OrderStatus.CANCELLED));
    }

    /**
     * Paid: complete, unless already complete or cancelled (a payment that lost the race to
     * expiry).
     */
    public Optional<Order> complete() {
        if (!status.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(with(OrderStatus.COMPLETE));
    }

    private Order with(OrderStatus next) {
        return new Order(id, userId, next, expiresAt, version + 1, ticket);
    }
}
