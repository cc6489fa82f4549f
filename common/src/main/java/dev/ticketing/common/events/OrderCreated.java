package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code order.created}: an order now holds a ticket until {@code expiresAt} (ISO-8601 UTC). */
@JsonbPropertyOrder({"id", "version", "status", "userId", "expiresAt", "ticket"})
public record OrderCreated(
        String id, long version, String status, String userId, Instant expiresAt, Ticket ticket)
        implements EventPayload {

    /** The ticket the order holds, with the price the buyer will be charged. */
    @JsonbPropertyOrder({"id", "price"})
    public record Ticket(String id, BigDecimal price) {}
}
