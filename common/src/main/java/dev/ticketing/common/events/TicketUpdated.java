package dev.ticketing.common.events;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.common.listing.Seat;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * {@code ticket.updated}: the ticket after an edit, a reservation, a release, a sale or its
 * withdrawal. {@code orderId} is null while the ticket is free; it is written as an explicit {@code
 * null}. {@code event} and {@code seat} are absent when the seller named none. {@code state} is the
 * listing's state as the API shows it ({@code on-sale}, {@code reserved}, {@code sold}, {@code
 * withdrawn}); absent from events of catalogs older than it, which read as "not withdrawn".
 */
@JsonbPropertyOrder({
    "id", "version", "title", "price", "userId", "orderId", "state", "event", "seat"
})
public record TicketUpdated(
        String id,
        long version,
        String title,
        BigDecimal price,
        String userId,
        @JsonbNillable String orderId,
        String state,
        Event event,
        Seat seat)
        implements EventPayload {

    /** The state of a listing its seller took down: never orderable again. */
    public static final String WITHDRAWN = "withdrawn";

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
        this(id, version, title, price, userId, orderId, null, null, null);
    }

    /** A listing without event or seat, with its state. */
    public TicketUpdated(
            String id,
            long version,
            String title,
            BigDecimal price,
            String userId,
            String orderId,
            String state) {
        this(id, version, title, price, userId, orderId, state, null, null);
    }

    /** The listing after this change. */
    public Listing listing() {
        return new Listing(id, title, price, event, seat, userId);
    }

    /** Whether the seller took the listing down. */
    public boolean withdrawn() {
        return WITHDRAWN.equals(state);
    }
}
