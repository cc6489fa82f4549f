package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * {@code ticket.updated}: the ticket after an edit, a reservation or a release. {@code orderId} is
 * null while the ticket is free; it is written as an explicit {@code null}.
 */
@JsonbPropertyOrder({"id", "version", "title", "price", "userId", "orderId"})
public record TicketUpdated(
        String id,
        long version,
        String title,
        BigDecimal price,
        String userId,
        @JsonbNillable String orderId)
        implements EventPayload {}
