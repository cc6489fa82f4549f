package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code order.created}: an order now holds a ticket until {@code expiresAt} (ISO-8601 UTC). */
@JsonbPropertyOrder({"id", "version", "status", "userId", "expiresAt", "ticket"})
public record OrderCreated(
        String id, long version, String status, String userId, Instant expiresAt, Ticket ticket)
        implements EventPayload {

    /**
     * The ticket the order holds, with the price the buyer will be charged, its seller ({@code
     * sellerId}, the ticket's {@code userId}) and its event's start ({@code eventStartsAt}, absent
     * for a ticket without an event): what payment-service needs to pay the seller out
     * (docs/api.md, "Delivery and payouts"). Both are absent from events published before they were
     * added.
     */
    @JsonbPropertyOrder({"id", "price", "sellerId", "eventStartsAt"})
    public record Ticket(String id, BigDecimal price, String sellerId, Instant eventStartsAt) {

        /** What JSON-B reads an event with (the record has a second constructor). */
        @JsonbCreator
        public Ticket {}

        /** A ticket as older order-services described it: no seller, no event. */
        public Ticket(String id, BigDecimal price) {
            this(id, price, null, null);
        }
    }
}
