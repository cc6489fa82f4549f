package dev.ticketing.order.application;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.order.domain.Order;
import dev.ticketing.order.domain.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where order-service keeps its orders: the port the use cases own and the store package
 * implements. Every write takes the order's events with it, stored atomically with the change (the
 * outbox); {@link #relayEvents} then publishes them without making the caller wait.
 */
public interface OrderBook {

    /** A fresh order id. */
    String newId();

    /**
     * Inserts a new order in the buyer's hold slot {@code slot} with its order.created event,
     * atomically.
     *
     * @return false when a uniqueness rule refused it: another order is active on the ticket or
     *     open in that slot ({@link #slotTaken} tells which), or the id was retired by the claim
     *     sweep
     */
    boolean insert(Order order, int slot, EventPayload created);

    /** The hold slots the buyer's open orders take. */
    Set<Integer> holdSlotsOf(String userId);

    /**
     * What placing an order checks first, in one read: the hold slots the buyer's open orders take
     * and the buyer's earlier orders of the ticket.
     */
    BuyerHolds holdsOf(String userId, String ticketId);

    /** The buyer's hold slots taken, and the buyer's earlier orders of one ticket. */
    record BuyerHolds(Set<Integer> slots, List<Order> ofTicket) {}

    /** Whether an open order of the buyer takes {@code slot}. */
    boolean slotTaken(String userId, int slot);

    /**
     * Retires the id of an order that was never stored (its process died between claim and insert),
     * so a late insert of that order fails. False if the order exists after all.
     */
    boolean retire(String orderId, String ticketId);

    Optional<Order> find(String id);

    /** The order's status, including a retired id's ("cancelled"); empty if none has the id. */
    Optional<OrderStatus> statusOf(String id);

    /** The buyer's orders, newest first. */
    List<Order> ofBuyer(String userId);

    /**
     * Writes {@code after} over {@code before} if the order is still at {@code before}'s version,
     * with its events, in one conditional write.
     *
     * @return false when another write got there first
     */
    boolean update(Order before, Order after, List<EventPayload> events);

    /** Ids of open orders whose hold ended before {@code before}, the longest overdue first. */
    List<String> openOrdersExpiredBefore(Instant before, int max);

    /** Publishes the order's stored events soon, without making the caller wait. */
    void relayEvents(String orderId);
}
