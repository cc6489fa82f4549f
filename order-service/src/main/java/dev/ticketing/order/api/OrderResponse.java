package dev.ticketing.order.api;

import dev.ticketing.order.domain.Order;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as the API shows it, with the ticket it holds. */
@JsonbPropertyOrder({"id", "userId", "status", "expiresAt", "version", "ticket"})
@Schema(example = OpenApiExamples.ORDER)
public record OrderResponse(
        String id, String userId, String status, Instant expiresAt, long version, Ticket ticket) {

    @JsonbPropertyOrder({"id", "title", "price", "version"})
    public record Ticket(String id, String title, BigDecimal price, long version) {}

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
                        o.ticket().version()));
    }
}
