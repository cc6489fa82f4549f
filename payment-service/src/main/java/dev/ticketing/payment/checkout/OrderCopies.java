package dev.ticketing.payment.checkout;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.Payout;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * payment-service's copies of orders, each with its payment: the port checkout owns and the store
 * package implements. Recording a payment stores its payment.created with it, atomically (the
 * outbox); {@link #relayEvents} then publishes it without making the caller wait.
 */
public interface OrderCopies {

    /** A fresh payment id. */
    String newPaymentId();

    Optional<OrderCopy> find(String orderId);

    /**
     * Stores the copy of a new order; false when one exists already (a redelivery, or a later event
     * came first).
     */
    boolean insertCreated(OrderCreated order);

    /**
     * Fills in what a copy made from a later event lacks, from the order.created that arrived after
     * it; its status and version stay. True when it filled in.
     */
    boolean fillIn(OrderCreated order);

    /**
     * Moves the copy to {@code status} at {@code version} if it is at an older version; the copy
     * after it, or empty when it is already there or past it.
     */
    Optional<OrderCopy> applyStatus(String orderId, long version, OrderStatus status);

    /**
     * Stores a copy known only from a status change that overtook its order.created. False when a
     * copy exists already.
     */
    boolean insertFromStatus(String orderId, long version, OrderStatus status);

    /**
     * Records {@code payment} if the order is still payable (created, no payment yet), with the
     * seller's {@code payout} (null when the order names no seller) and {@code events}, in one
     * conditional write; the updated copy, or empty when the order was not payable.
     */
    Optional<OrderCopy> recordPayment(Payment payment, Payout payout, List<EventPayload> events);

    /** Notes that the order's payment was refunded (idempotent). */
    void recordRefund(String orderId, String refundId);

    /**
     * Cancels the order's payout while it is pending and the order cancelled, with {@code event};
     * true when this call cancelled it.
     */
    boolean cancelPayout(String orderId, EventPayload event);

    /**
     * Payouts due at {@code now} (release passed, order complete) or left mid-transfer, by release
     * time then order id: at most {@code limit} of them after {@code after} (null: from the first).
     * A release round pages through them with the last one it saw, so payouts that keep failing
     * never hold back the ones behind them.
     */
    List<OrderCopy> duePayouts(Instant now, OrderCopy after, int limit);

    /** Claims a due payout for its transfer; empty when it is not (any more) due and pending. */
    Optional<OrderCopy> claimPayout(String orderId, Instant now);

    /** Records a claimed payout's transfer, with {@code event}; false when recorded already. */
    boolean recordPayoutPaid(String orderId, String transferId, Instant paidAt, EventPayload event);

    /** The payouts owed to {@code sellerId}, newest sale first. */
    List<Payout> payoutsOf(String sellerId);

    /** Publishes the order's stored events soon, without making the caller wait. */
    void relayEvents(String orderId);
}
