package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Ticket;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as the API shows it; {@code orderId} is left out while the ticket is free. */
@JsonbPropertyOrder({"id", "title", "price", "userId", "version", "orderId"})
@Schema(example = OpenApiExamples.TICKET)
public record TicketResponse(
        @Schema(description = "The ticket's id") String id,
        @Schema(description = "What the ticket is for") String title,
        @Schema(description = "The price in dollars, at most 2 decimal places") BigDecimal price,
        @Schema(description = "The seller's user id") String userId,
        @Schema(description = "0 when listed, one more with every change") long version,
        @Schema(description = "The order holding the ticket; absent while it is free")
                String orderId) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(
                t.id(), t.title(), t.price(), t.userId(), t.version(), t.orderId());
    }
}
