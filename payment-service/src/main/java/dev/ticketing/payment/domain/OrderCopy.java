package dev.ticketing.payment.domain;

/**
 * payment-service's copy of an order, kept from order events in version order. It holds what a
 * payment needs (owner, status, price in cents) and the payment made for it, if any.
 */
public record OrderCopy(
        String id,
        long version,
        OrderStatus status,
        String userId,
        long priceCents,
        String ticketId,
        Payment payment) {

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
