package dev.ticketing.order.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.order.domain.Order;
import dev.ticketing.order.domain.OrderStatus;
import dev.ticketing.order.domain.TicketCopy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Placing an order when the store fails the order's insert, after the claim won the ticket. A
 * failure can be ambiguous: the store may have applied the insert and lost the answer. The ticket
 * must then stay with the stored order; freeing it would let a second buyer claim a ticket an open
 * order holds. Runs {@link Orders} on in-memory ports whose insert can fail either way.
 */
class OrdersTest {
    private static final String TICKET = "t-1";

    private final InMemoryOrders orders = new InMemoryOrders();
    private final InMemoryTickets tickets = new InMemoryTickets();
    private final Orders placing = new Orders();

    @BeforeEach
    void wire() {
        placing.orders = orders;
        placing.tickets = tickets;
        placing.metrics = new NoCounters();
        placing.expirationSeconds = 900;
        placing.maxOpenPerBuyer = 4;
        tickets.copies.put(
                TICKET,
                new TicketCopy(
                        new Listing(
                                TICKET, "Concert", new BigDecimal("25.50"), null, null, "seller"),
                        0,
                        null,
                        null,
                        false));
    }

    @Test
    void anInsertStoredButAnsweredWithAFailureIsAPlacedOrderThatKeepsItsTicket() {
        orders.insertFails = Failure.AFTER_STORING;

        Order placed = placing.place("buyer", TICKET);

        assertEquals(Optional.of(OrderStatus.CREATED), orders.statusOf(placed.id()));
        assertEquals(
                placed.id(),
                tickets.copies.get(TICKET).reservedBy(),
                "the stored order still holds its ticket");
        assertThrows(
                RuntimeException.class,
                () -> placing.place("second-buyer", TICKET),
                "a second buyer cannot take the ticket the stored order holds");
        assertEquals(1, orders.stored.size(), "one order, not two, for the one ticket");
    }

    @Test
    void anInsertThatStoredNothingRetiresTheOrderIdAndFreesTheTicketAtOnce() {
        orders.insertFails = Failure.BEFORE_STORING;

        RuntimeException failure =
                assertThrows(RuntimeException.class, () -> placing.place("buyer", TICKET));

        assertSame(orders.insertFailure, failure, "the insert's failure is the one reported");
        String orderId = orders.insertedIds.get(0);
        assertEquals(
                Optional.of(OrderStatus.CANCELLED),
                orders.statusOf(orderId),
                "the id is retired, so a late insert of it fails");
        assertEquals(null, tickets.copies.get(TICKET).reservedBy(), "the ticket is free again");
        orders.insertFails = Failure.NONE;
        Order next = placing.place("second-buyer", TICKET);
        assertEquals(next.id(), tickets.copies.get(TICKET).reservedBy());
    }

    @Test
    void whenTheStoreIsAwayForTheCheckTooTheClaimStaysForTheSweep() {
        orders.insertFails = Failure.AFTER_STORING;
        orders.retireFails = true;

        RuntimeException failure =
                assertThrows(RuntimeException.class, () -> placing.place("buyer", TICKET));

        assertSame(orders.insertFailure, failure);
        assertEquals(1, failure.getSuppressed().length, "the check's failure is attached");
        String orderId = orders.insertedIds.get(0);
        assertEquals(orderId, tickets.copies.get(TICKET).reservedBy(), "not released blindly");

        orders.retireFails = false;
        placing.repair(new TicketCopies.Claim(TICKET, orderId, new java.util.Date(0)));
        assertEquals(
                orderId,
                tickets.copies.get(TICKET).reservedBy(),
                "the sweep finds the order stored and open: it keeps its ticket");
        assertEquals(Optional.of(OrderStatus.CREATED), orders.statusOf(orderId));
    }

    @Test
    void theSweepReleasesTheClaimOfAnInsertThatStoredNothingOnceTheStoreIsBack() {
        orders.insertFails = Failure.BEFORE_STORING;
        orders.retireFails = true;
        assertThrows(RuntimeException.class, () -> placing.place("buyer", TICKET));
        String orderId = orders.insertedIds.get(0);
        assertEquals(orderId, tickets.copies.get(TICKET).reservedBy());

        orders.retireFails = false;
        placing.repair(new TicketCopies.Claim(TICKET, orderId, new java.util.Date(0)));

        assertEquals(null, tickets.copies.get(TICKET).reservedBy());
        assertEquals(Optional.of(OrderStatus.CANCELLED), orders.statusOf(orderId));
    }

    enum Failure {
        NONE,
        BEFORE_STORING,
        AFTER_STORING
    }

    /** Orders by id; a retired id is a cancelled order of nobody, as the store keeps it. */
    static final class InMemoryOrders implements OrderBook {
        final Map<String, Order> stored = new HashMap<>();
        final Map<String, Integer> slots = new HashMap<>();
        final List<String> insertedIds = new ArrayList<>();
        Failure insertFails = Failure.NONE;
        boolean retireFails;
        RuntimeException insertFailure;
        private int ids;

        @Override
        public String newId() {
            return "o-" + ++ids;
        }

        @Override
        public boolean insert(Order order, int slot, EventPayload created) {
            insertedIds.add(order.id());
            if (insertFails == Failure.BEFORE_STORING) {
                throw insertFailure = new IllegalStateException("store away before the insert");
            }
            if (stored.containsKey(order.id())
                    || stored.values().stream()
                            .anyMatch(
                                    o ->
                                            o.status() == OrderStatus.CREATED
                                                    && o.ticket()
                                                            .id()
                                                            .equals(order.ticket().id()))) {
                return false;
            }
            stored.put(order.id(), order);
            slots.put(order.id(), slot);
            if (insertFails == Failure.AFTER_STORING) {
                throw insertFailure = new IllegalStateException("answer lost after the insert");
            }
            return true;
        }

        @Override
        public Set<Integer> holdSlotsOf(String userId) {
            Set<Integer> taken = new HashSet<>();
            stored.values().stream()
                    .filter(o -> o.isOwnedBy(userId) && o.status() == OrderStatus.CREATED)
                    .forEach(o -> taken.add(slots.get(o.id())));
            return taken;
        }

        @Override
        public BuyerHolds holdsOf(String userId, String ticketId) {
            return new BuyerHolds(
                    holdSlotsOf(userId),
                    stored.values().stream()
                            .filter(o -> o.isOwnedBy(userId) && o.ticket().id().equals(ticketId))
                            .toList());
        }

        @Override
        public boolean slotTaken(String userId, int slot) {
            return holdSlotsOf(userId).contains(slot);
        }

        @Override
        public boolean retire(String orderId, String ticketId) {
            if (retireFails) {
                throw new IllegalStateException("store still away");
            }
            if (stored.containsKey(orderId)) {
                return false;
            }
            stored.put(
                    orderId,
                    new Order(
                            orderId,
                            null,
                            OrderStatus.CANCELLED,
                            null,
                            0,
                            new Order.Ticket(ticketId, null, null, 0)));
            return true;
        }

        @Override
        public Optional<Order> find(String id) {
            return Optional.ofNullable(stored.get(id)).filter(o -> o.userId() != null);
        }

        @Override
        public Optional<OrderStatus> statusOf(String id) {
            return Optional.ofNullable(stored.get(id)).map(Order::status);
        }

        @Override
        public List<Order> ofBuyer(String userId) {
            return stored.values().stream().filter(o -> o.isOwnedBy(userId)).toList();
        }

        @Override
        public boolean update(Order before, Order after, List<EventPayload> events) {
            return stored.replace(before.id(), before, after);
        }

        @Override
        public List<String> openOrdersExpiredBefore(Instant before, int max) {
            return List.of();
        }

        @Override
        public void relayEvents(String orderId) {}
    }

    /** The copies and their claims, with the store's conditional writes. */
    static final class InMemoryTickets implements TicketCopies {
        final Map<String, TicketCopy> copies = new HashMap<>();

        @Override
        public Optional<TicketCopy> find(String id) {
            return Optional.ofNullable(copies.get(id));
        }

        @Override
        public boolean insertFirst(TicketCopy copy) {
            return copies.putIfAbsent(copy.id(), copy) == null;
        }

        @Override
        public boolean replicateIfNewer(TicketCopy next) {
            return false;
        }

        @Override
        public Optional<TicketCopy> claim(String ticketId, String orderId, Instant now) {
            TicketCopy copy = copies.get(ticketId);
            if (copy == null || copy.isReserved()) {
                return Optional.empty();
            }
            TicketCopy claimed = held(copy, orderId);
            copies.put(ticketId, claimed);
            return Optional.of(claimed);
        }

        @Override
        public boolean release(String ticketId, String orderId) {
            TicketCopy copy = copies.get(ticketId);
            if (copy == null || !orderId.equals(copy.reservedBy())) {
                return false;
            }
            copies.put(ticketId, held(copy, null));
            return true;
        }

        @Override
        public boolean closeClaim(String ticketId, String orderId) {
            return false;
        }

        @Override
        public List<Claim> claimsOlderThan(Instant before, Claim after, int max) {
            return List.of();
        }

        private static TicketCopy held(TicketCopy copy, String orderId) {
            return new TicketCopy(
                    copy.listing(), copy.version(), copy.orderId(), orderId, copy.withdrawn());
        }
    }

    static final class NoCounters implements OrderCounters {
        @Override
        public void created() {}

        @Override
        public void expired() {}

        @Override
        public void paid() {}

        @Override
        public void cancelled() {}
    }
}
