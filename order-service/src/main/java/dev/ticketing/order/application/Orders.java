package dev.ticketing.order.application;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.order.domain.HoldLimit;
import dev.ticketing.order.domain.Order;
import dev.ticketing.order.domain.OrderStatus;
import dev.ticketing.order.domain.TicketCopy;
import dev.ticketing.store.outbox.CrashPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Placing, cancelling, expiring and completing orders. */
@ApplicationScoped
public class Orders {
    private static final Logger LOG = Logger.getLogger(Orders.class.getName());
    private static final int MAX_ATTEMPTS = 20;
    static final String ALREADY_RESERVED = "Ticket is already reserved";

    @Inject OrderBook orders;

    @Inject TicketCopies tickets;

    @Inject OrderCounters metrics;

    @Inject
    @ConfigProperty(name = "ORDER_EXPIRATION_SECONDS", defaultValue = "900")
    long expirationSeconds;

    /** How many tickets one buyer may hold at once (ORDER_MAX_OPEN_PER_BUYER). */
    @Inject
    @ConfigProperty(name = "order.max.open.per.buyer", defaultValue = "4")
    int maxOpenPerBuyer;

    /**
     * Reserves the ticket for a new order. First the claim, the one conditional write that decides
     * who gets the ticket; then the order and its order.created event, in one atomic insert.
     *
     * <p>Crash safety: the claim names the order's id before the order exists. If the process dies
     * between the two writes, the ticket is held by an order that was never stored; the {@link
     * ClaimSweep} finds such claims (older than a grace period), retires the order id (a cancelled
     * stub, so a late insert of it fails) and releases the ticket. Storing the order first instead
     * would publish (through its outbox) an order whose claim might still fail. Nothing is ever
     * published for an order that is not stored.
     *
     * <p>Before any write, the {@link HoldLimit}: a buyer with every hold slot taken is refused,
     * and so is a re-order of a ticket the buyer let go while that hold would still be running. A
     * ticket already held is refused before both (docs/api.md: 400 "Ticket is already reserved").
     */
    public Order place(String buyerId, String ticketId) {
        // Milliseconds: what the store keeps, so the order reads back exactly as it was created.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TicketCopy copy = tickets.find(ticketId).orElseThrow(NotFoundException::new);
        copy.checkOrderable(buyerId, now);
        if (copy.isReserved()) {
            // Most requests of a flash sale: refused on the copy alone, without the buyer's orders
            // or a claim. A copy read as free is still decided by the claim.
            throw new BusinessRuleException(ALREADY_RESERVED);
        }
        HoldLimit limit = new HoldLimit(maxOpenPerBuyer);
        OrderBook.BuyerHolds holds = orders.holdsOf(buyerId, ticketId);
        int slot = limit.freeSlot(holds.slots()).orElseThrow(limit::full);
        HoldLimit.checkReorder(holds.ofTicket(), now);
        String orderId = orders.newId();
        TicketCopy claimed =
                tickets.claim(ticketId, orderId, now)
                        .orElseThrow(() -> new BusinessRuleException(ALREADY_RESERVED));
        CrashPoint.afterWrite("order.claim");
        Order order =
                Order.place(
                        orderId,
                        buyerId,
                        claimed.snapshot(),
                        now,
                        Duration.ofSeconds(expirationSeconds));
        insertInFreeSlot(order, claimed.userId(), slot, limit);
        metrics.created();
        CrashPoint.afterWrite("order.place");
        orders.relayEvents(orderId);
        return order;
    }

    /**
     * Stores the claimed order in one of the buyer's free hold slots. Another order of the same
     * buyer placed at the same moment may take the slot first: then the next free one, until none
     * is left. On any refusal the claim is released; on a failure, only once the order is known not
     * to be stored ({@link #storedDespite}).
     */
    private void insertInFreeSlot(Order order, String sellerId, int firstSlot, HoldLimit limit) {
        String ticketId = order.ticket().id();
        int slot = firstSlot;
        for (int attempt = 0; ; attempt++) {
            boolean inserted;
            try {
                inserted =
                        orders.insert(
                                order,
                                slot,
                                new OrderCreated(
                                        order.id(),
                                        order.version(),
                                        order.status().wireName(),
                                        order.userId(),
                                        order.expiresAt(),
                                        new OrderCreated.Ticket(
                                                ticketId,
                                                order.ticket().price(),
                                                sellerId,
                                                order.ticket().event() == null
                                                        ? null
                                                        : order.ticket().event().startsAt())));
            } catch (RuntimeException e) {
                if (storedDespite(e, order)) {
                    return;
                }
                throw e;
            }
            if (inserted) {
                return;
            }
            if (!orders.slotTaken(order.userId(), slot)) {
                // The second guard fired: another order is active on this ticket although the
                // claim said it was free. Refuse, exactly as a lost claim is refused.
                tickets.release(ticketId, order.id());
                LOG.warning(
                        "order "
                                + order.id()
                                + " refused by the one-active-order index on ticket "
                                + ticketId);
                throw new BusinessRuleException(ALREADY_RESERVED);
            }
            var next = limit.freeSlot(orders.holdSlotsOf(order.userId()));
            if (next.isEmpty() || attempt >= MAX_ATTEMPTS) {
                tickets.release(ticketId, order.id());
                throw limit.full();
            }
            slot = next.getAsInt();
        }
    }

    /**
     * After an insert failed: was the order stored all the same? A failure can be ambiguous (the
     * store applied the insert and the answer was lost), so the claim is never simply released:
     * that would free a ticket a stored order holds, leaving only the one-active-order index
     * between it and a second sale. Instead the order's id is retired first, as the claim sweep
     * does; if that succeeds the order was never stored (and now never will be), so its ticket goes
     * free at once. If the id is taken, the order was stored: placing succeeded. If the store is
     * away for this too, the claim stays for the sweep and the insert's failure is reported with
     * this one attached.
     */
    private boolean storedDespite(RuntimeException insertFailure, Order order) {
        try {
            if (releaseIfNeverStored(order.id(), order.ticket().id())) {
                return false;
            }
            LOG.warning(
                    "order "
                            + order.id()
                            + " was stored although its insert failed: "
                            + insertFailure);
            return true;
        } catch (RuntimeException stillAway) {
            insertFailure.addSuppressed(stillAway);
            return false;
        }
    }

    /**
     * The one way a claim whose order may never have been stored is released (by placing after a
     * failed insert, and by the sweep): the order's id is retired first (a cancelled stub, so a
     * late insert of it fails), and only then is the ticket released. False, and nothing released,
     * when the order exists: it was stored after all.
     */
    private boolean releaseIfNeverStored(String orderId, String ticketId) {
        if (!orders.retire(orderId, ticketId)) {
            return false;
        }
        if (tickets.release(ticketId, orderId)) {
            LOG.warning(
                    "released ticket "
                            + ticketId
                            + " held by order "
                            + orderId
                            + ", which was never stored");
        }
        return true;
    }

    public Order ofBuyer(String orderId, String buyerId) {
        Order order = orders.find(orderId).orElseThrow(NotFoundException::new);
        if (!order.isOwnedBy(buyerId)) {
            throw new NotAuthorizedException();
        }
        return order;
    }

    public List<Order> allOf(String buyerId) {
        return orders.ofBuyer(buyerId);
    }

    /** The buyer cancels: 400 for a paid order; an already cancelled one stays as it is. */
    public Order cancel(String orderId, String buyerId) {
        ofBuyer(orderId, buyerId);
        return change(orderId, Order::cancel, "order.cancel", metrics::cancelled).order();
    }

    /** expiration.complete: the hold ran out. Nothing happens to a paid or cancelled order. */
    public Outcome expire(String orderId) {
        return end(orderId, Order::expire, "order.expire", metrics::expired);
    }

    /**
     * ticket.updated saying the seller withdrew the listing: an open order holding this service's
     * copy is cancelled (it raced the withdrawal: the catalog never reserves a withdrawn listing
     * for it); a paid one keeps its ticket. Early while the claim's order is not stored yet.
     * Idempotent, so a redelivered withdrawal repeats it safely.
     */
    public Outcome ticketWithdrawn(String ticketId) {
        Optional<TicketCopy> copy = tickets.find(ticketId);
        if (copy.isEmpty() || !copy.get().isReserved()) {
            return Outcome.DUPLICATE;
        }
        // Cancelled exactly as an expired hold is: only while the order is open.
        return end(copy.get().reservedBy(), Order::expire, "order.withdrawn", metrics::cancelled);
    }

    /** payment.created: the order is paid. Nothing happens to a cancelled (expired) one. */
    public Outcome complete(String orderId) {
        return end(orderId, Order::complete, "order.complete", metrics::paid);
    }

    /**
     * An order-ending event: early while the order is not stored yet; nothing to do for a retired
     * id.
     */
    private Outcome end(
            String orderId, Function<Order, Optional<Order>> decide, String write, Runnable count) {
        if (orders.statusOf(orderId).isEmpty()) {
            return Outcome.EARLY;
        }
        if (orders.find(orderId).isEmpty()) {
            return Outcome
                    .DUPLICATE; // a retired id (see repair): that order was never stored, nothing
            // to end
        }
        return change(orderId, decide, write, count).outcome();
    }

    private record Changed(Order order, Outcome outcome) {}

    /**
     * Stores what {@code decide} makes of the order, if anything; {@code count} only when this call
     * stored it.
     */
    private Changed change(
            String orderId, Function<Order, Optional<Order>> decide, String write, Runnable count) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Order before = orders.find(orderId).orElseThrow(NotFoundException::new);
            Optional<Order> decided = decide.apply(before);
            if (decided.isEmpty()) {
                return new Changed(before, Outcome.DUPLICATE);
            }
            Order after = decided.get();
            if (orders.update(before, after, List.of(eventOf(after)))) {
                count.run();
                CrashPoint.afterWrite(write);
                if (after.status() == OrderStatus.CANCELLED) {
                    // A crash before this release leaves a claim by a cancelled order: the sweep
                    // releases it.
                    tickets.release(after.ticket().id(), after.id());
                } else if (after.status() == OrderStatus.COMPLETE) {
                    // Sold: the claim stays (the ticket is never orderable again) but is closed, so
                    // the
                    // claim sweep never reads it again; a crash before this, the sweep closes it.
                    tickets.closeClaim(after.ticket().id(), after.id());
                }
                orders.relayEvents(orderId);
                return new Changed(after, Outcome.APPLIED);
            }
        }
        throw new IllegalStateException("order " + orderId + " kept changing; change not stored");
    }

    private static EventPayload eventOf(Order o) {
        return switch (o.status()) {
            case CANCELLED ->
                    new OrderCancelled(
                            o.id(), o.version(), new OrderCancelled.Ticket(o.ticket().id()));
            case COMPLETE ->
                    new OrderCompleted(
                            o.id(),
                            o.version(),
                            o.userId(),
                            new OrderCompleted.Ticket(o.ticket().id()));
            default -> throw new IllegalStateException("no event for status " + o.status());
        };
    }

    /**
     * Repairs a live claim the sweep found old: released when its order is cancelled or was never
     * stored (see {@link #place}), closed when its order is paid; left alone while the order is
     * open.
     */
    void repair(TicketCopies.Claim claim) {
        Optional<OrderStatus> status = orders.statusOf(claim.orderId());
        if (status.isPresent() && status.get() == OrderStatus.COMPLETE) {
            tickets.closeClaim(claim.ticketId(), claim.orderId());
            return;
        }
        if (status.isEmpty()) {
            // False when the order was stored after all, between our two reads: it is left alone.
            releaseIfNeverStored(claim.orderId(), claim.ticketId());
            return;
        }
        if (status.get() == OrderStatus.CANCELLED
                && tickets.release(claim.ticketId(), claim.orderId())) {
            LOG.warning(
                    "released ticket "
                            + claim.ticketId()
                            + " held by cancelled order "
                            + claim.orderId());
        }
    }
}
