package dev.ticketing.order.api;

import dev.ticketing.order.domain.Order;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as the API shows it, with the ticket it holds. */
@JsonbPropertyOrder({"id", "userId", "status", "expiresAt", "version", "ticket"})
@Schema(
        example =
                "{\"id\":\"665f1d409b1e8a3d4c5b6a80\",\"userId\":\"665f1b009b1e8a3d4c5b6a71\",\"status\":\"created\","
                        + "\"expiresAt\":\"2026-03-01T12:45:00Z\",\"version\":0,\"ticket\":{\"id\":\"665f1c2e9b1e8a3d4c5b6a79\","
                        + "\"title\":\"Concert, row 5\",\"price\":25.50,\"version\":0}}")
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
