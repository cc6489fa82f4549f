package dev.ticketing.payment.domain;

import java.time.Instant;

/**
 * payment-service's copy of an order, kept from order events in version order. It holds what a
 * payment needs (owner, status, price in cents), what the seller's payout needs (seller, the
 * event's start; null when order.created did not carry them), the payment made for it and the
 * payout it owes, if any.
 */
public record OrderCopy(
        String id,
        long version,
        OrderStatus status,
        String userId,
        long priceCents,
        String ticketId,
        String sellerId,
        Instant eventStartsAt,
        Payment payment,
        Payout payout) {

    /** A copy without seller, event or payout (what the original events carried). */
    public OrderCopy(
            String id,
            long version,
            OrderStatus status,
            String userId,
            long priceCents,
            String ticketId,
            Payment payment) {
        this(id, version, status, userId, priceCents, ticketId, null, null, payment, null);
    }

    /**
     * The rules of docs/api.md for paying, in its order: only the owner (else "not authorized"),
     * not a cancelled order, not one already paid for.
     */
    public void checkPayableBy(String buyerId) {
        if (buyerId == null || !buyerId.equals(userId)) {
            throw new PaymentRefused(PaymentRefused.Reason.NOT_OWNER);
        }
        if (status == OrderStatus.CANCELLED) {
            throw new PaymentRefused(PaymentRefused.Reason.ORDER_CANCELLED);
        }
        if (status == OrderStatus.COMPLETE || payment != null) {
            throw new PaymentRefused(PaymentRefused.Reason.ALREADY_PAID);
        }
    }

    /** A charge was taken but the order is cancelled: the money goes back. */
    public boolean owesRefund() {
        return status == OrderStatus.CANCELLED && payment != null && !payment.refunded();
    }
}
