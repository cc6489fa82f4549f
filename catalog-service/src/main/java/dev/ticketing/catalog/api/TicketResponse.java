package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Ticket;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as the API shows it; {@code orderId} is left out while the ticket is free. */
@JsonbPropertyOrder({"id", "title", "price", "userId", "version", "orderId"})
@Schema(example = OpenApiExamples.TICKET)
public record TicketResponse(
        String id, String title, BigDecimal price, String userId, long version, String orderId) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(
                t.id(), t.title(), t.price(), t.userId(), t.version(), t.orderId());
    }
}
