package dev.ticketing.store.mongo;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import org.bson.Document;

/**
 * A listing's event and seat as sub-documents, for the stores that write them through the driver
 * (catalog's conditional update, order's ticket copies): the event's start a date, so queries
 * compare it; unknown seat parts left out; null for none.
 */
public final class ListingFields {
    private ListingFields() {}

    public static Document of(Event event) {
        return event == null
                ? null
                : new Document("name", event.name())
                        .append("venue", event.venue())
                        .append("city", event.city())
                        .append("startsAt", java.util.Date.from(event.startsAt()));
    }

    public static Document of(Seat seat) {
        if (seat == null) {
            return null;
        }
        Document d = new Document();
        if (seat.section() != null) {
            d.append("section", seat.section());
        }
        if (seat.row() != null) {
            d.append("row", seat.row());
        }
        if (seat.number() != null) {
            d.append("number", seat.number());
        }
        return d;
    }
}
