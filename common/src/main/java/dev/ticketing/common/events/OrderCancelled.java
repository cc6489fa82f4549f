package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code order.cancelled}: the order was cancelled by its buyer or expired. */
@JsonbPropertyOrder({"id", "version", "ticket"})
public record OrderCancelled(String id, long version, Ticket ticket) implements EventPayload {

    /** The ticket the order held. */
    public record Ticket(String id) {}
}
