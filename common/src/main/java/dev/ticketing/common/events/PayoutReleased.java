package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * {@code payout.released}: the seller's share of a completed sale was transferred ({@code net} =
 * {@code amount} - {@code fee}, in the currency's units with two places); {@code transferId} is the
 * gateway's (Stripe: the Transfer id). Published once per payout.
 */
@JsonbPropertyOrder({
    "orderId",
    "ticketId",
    "sellerId",
    "amount",
    "fee",
    "net",
    "currency",
    "transferId"
})
public record PayoutReleased(
        String orderId,
        String ticketId,
        String sellerId,
        BigDecimal amount,
        BigDecimal fee,
        BigDecimal net,
        String currency,
        String transferId)
        implements EventPayload {}
