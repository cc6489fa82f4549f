package dev.ticketing.common.events;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.common.listing.Seat;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * {@code ticket.created}: catalog listed a ticket; {@code version} is the ticket's version (0).
 * {@code event} and {@code seat} are absent when the seller named none (and in events of older
 * versions).
 */
@JsonbPropertyOrder({"id", "version", "title", "price", "userId", "event", "seat"})
public record TicketCreated(
        String id,
        long version,
        String title,
        BigDecimal price,
        String userId,
        Event event,
        Seat seat)
        implements EventPayload {

    /** What JSON-B reads an event with (the record has a second constructor). */
    @JsonbCreator
    public TicketCreated {}

    /** A listing without event or seat, as the original contract had it. */
    public TicketCreated(String id, long version, String title, BigDecimal price, String userId) {
        this(id, version, title, price, userId, null, null);
    }

    /** The event of a listing at {@code version}. */
    public TicketCreated(Listing listing, long version) {
        this(
                listing.id(),
                version,
                listing.title(),
                listing.price(),
                listing.userId(),
                listing.event(),
                listing.seat());
    }

    /** What the seller listed. */
    public Listing listing() {
        return new Listing(id, title, price, event, seat, userId);
    }
}
