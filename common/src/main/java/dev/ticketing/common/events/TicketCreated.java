package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** {@code ticket.created}: catalog listed a ticket; {@code version} is the ticket's version (0). */
@JsonbPropertyOrder({"id", "version", "title", "price", "userId"})
public record TicketCreated(String id, long version, String title, BigDecimal price, String userId)
        implements EventPayload {}
