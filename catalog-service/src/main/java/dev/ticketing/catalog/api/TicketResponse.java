package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ticket as the API shows it; {@code orderId} is left out while the ticket is free, {@code event}
 * and {@code seat} when the seller named none, {@code soldAt} until it is sold.
 */
@JsonbPropertyOrder({
    "id", "title", "price", "userId", "version", "orderId", "state", "soldAt", "event", "seat",
    "hasFile"
})
@Schema(example = OpenApiExamples.TICKET)
public record TicketResponse(
        @Schema(description = "The ticket's id") String id,
        @Schema(description = "What the ticket is for") String title,
        @Schema(description = "The price in dollars, at most 2 decimal places") BigDecimal price,
        @Schema(description = "The seller's user id") String userId,
        @Schema(description = "0 when listed, one more with every change") long version,
        @Schema(description = "The order holding the ticket; absent while it is free")
                String orderId,
        @Schema(
                        description =
                                "Where the listing is: on sale, reserved by an order, sold (paid"
                                        + " for), or withdrawn by its seller",
                        enumeration = {"on-sale", "reserved", "sold", "withdrawn"})
                String state,
        @Schema(description = "When the sale was recorded, ISO-8601 UTC; only on sold listings")
                Instant soldAt,
        @Schema(description = "What the ticket is for; absent when the seller named none")
                Event event,
        @Schema(description = "Where the ticket sits; absent when the seller described none")
                Seat seat,
        @Schema(
                        description =
                                "Whether the seller attached the ticket itself (GET"
                                        + " /api/tickets/{id}/file)")
                boolean hasFile) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(
                t.id(),
                t.title(),
                t.price(),
                t.userId(),
                t.version(),
                t.orderId(),
                t.state().wireName(),
                t.soldAt(),
                t.event(),
                t.seat(),
                t.file() != null);
    }
}
