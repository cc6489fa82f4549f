package dev.ticketing.common.events;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * {@code ticket.updated}: the ticket after an edit, a reservation or a release. {@code orderId} is
 * null while the ticket is free; it is written as an explicit {@code null}. {@code event} and
 * {@code seat} are absent when the seller named none.
 */
@JsonbPropertyOrder({"id", "version", "title", "price", "userId", "orderId", "event", "seat"})
public record TicketUpdated(
        String id,
        long version,
        String title,
        BigDecimal price,
        String userId,
        @JsonbNillable String orderId,
        Event event,
        Seat seat)
        implements EventPayload {

    /** What JSON-B reads an event with (the record has a second constructor). */
    @JsonbCreator
    public TicketUpdated {}

    /** A listing without event or seat, as the original contract had it. */
    public TicketUpdated(
            String id,
            long version,
            String title,
            BigDecimal price,
            String userId,
            String orderId) {
        this(id, version, title, price, userId, orderId, null, null);
    }
}
