package dev.ticketing.order.api;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.order.domain.Order;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as the API shows it, with the ticket it holds. */
@JsonbPropertyOrder({"id", "userId", "status", "expiresAt", "version", "ticket"})
@Schema(example = OpenApiExamples.ORDER)
public record OrderResponse(
        @Schema(description = "The order's id") String id,
        @Schema(description = "The buyer's user id") String userId,
        @Schema(
                        description = "Where the order is in its life",
                        enumeration = {"created", "awaiting:payment", "complete", "cancelled"})
                String status,
        @Schema(description = "When the hold on the ticket ends (ISO-8601 UTC)") Instant expiresAt,
        @Schema(description = "One more with every change of status") long version,
        @Schema(description = "The ticket the order holds, as it was when ordered") Ticket ticket) {

    /** The ordered ticket as the order shows it. */
    @Schema(name = "OrderedTicket")
    @JsonbPropertyOrder({"id", "title", "price", "version", "event", "seat"})
    public record Ticket(
            @Schema(description = "The ticket's id") String id,
            @Schema(description = "What the ticket is for") String title,
            @Schema(description = "The price in dollars") BigDecimal price,
            @Schema(description = "The ticket's version when the order saw it") long version,
            @Schema(description = "The event; absent when the listing named none") Event event,
            @Schema(description = "The seat; absent when the listing described none") Seat seat) {}

    static OrderResponse of(Order o) {
        return new OrderResponse(
                o.id(),
                o.userId(),
                o.status().wireName(),
                o.expiresAt(),
                o.version(),
                new Ticket(
                        o.ticket().id(),
                        o.ticket().title(),
                        o.ticket().price(),
                        o.ticket().version(),
                        o.ticket().event(),
                        o.ticket().seat()));
    }
}
