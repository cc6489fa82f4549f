package dev.ticketing.payment.domain;

import java.time.Instant;

/**
 * A successful charge for an order: at most one per order. {@code stripeId} is the gateway's
 * PaymentIntent id; {@code refundId} is set once the charge was given back (the order expired).
 */
public record Payment(
        String id,
        String orderId,
        String stripeId,
        long amountCents,
        String currency,
        Instant createdAt,
        String refundId) {

    public boolean refunded() {
        return refundId != null;
    }
}
