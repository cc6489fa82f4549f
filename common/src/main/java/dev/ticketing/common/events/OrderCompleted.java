package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code order.completed}: the order was paid for, by {@code userId} (the buyer; absent from events
 * published before it was added, docs/api.md "Events").
 */
@JsonbPropertyOrder({"id", "version", "userId", "ticket"})
public record OrderCompleted(String id, long version, String userId, Ticket ticket)
        implements EventPayload {

    /** The ticket the order bought. */
    public record Ticket(String id) {}
}
