package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Ticket;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as the API shows it; {@code orderId} is left out while the ticket is free. */
@JsonbPropertyOrder({"id", "title", "price", "userId", "version", "orderId"})
@Schema(
        example =
                "{\"id\":\"665f1c2e9b1e8a3d4c5b6a79\",\"title\":\"Concert, row 5\",\"price\":25.50,"
                        + "\"userId\":\"665f1b009b1e8a3d4c5b6a70\",\"version\":0}")
public record TicketResponse(
        String id, String title, BigDecimal price, String userId, long version, String orderId) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(
                t.id(), t.title(), t.price(), t.userId(), t.version(), t.orderId());
    }
}
