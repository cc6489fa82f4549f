package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code payout.cancelled}: the sale was refunded before its payout was released, so the seller is
 * never paid for it. Published once per payout.
 */
@JsonbPropertyOrder({"orderId", "ticketId", "sellerId"})
public record PayoutCancelled(String orderId, String ticketId, String sellerId)
        implements EventPayload {}
