package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code payout.created}: a paid sale owes its seller {@code net} ({@code amount} less the
 * marketplace's {@code fee}, two places), pending until {@code releaseAt} (ISO-8601 UTC). Published
 * once, with the payment it comes from; the catalog shows it on the seller's listing.
 */
@JsonbPropertyOrder({"orderId", "ticketId", "sellerId", "amount", "fee", "net", "releaseAt"})
public record PayoutCreated(
        String orderId,
        String ticketId,
        String sellerId,
        BigDecimal amount,
        BigDecimal fee,
        BigDecimal net,
        Instant releaseAt)
        implements EventPayload {}
