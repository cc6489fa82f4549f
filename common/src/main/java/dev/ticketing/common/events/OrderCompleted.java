package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code order.completed}: the order was paid for. */
@JsonbPropertyOrder({"id", "version", "ticket"})
public record OrderCompleted(String id, long version, Ticket ticket) implements EventPayload {

    /** The ticket the order bought. */
    public record Ticket(String id) {}
}
