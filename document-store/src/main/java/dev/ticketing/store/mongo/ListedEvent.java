package dev.ticketing.store.mongo;

import dev.ticketing.common.listing.Event;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import java.util.Date;

/**
 * A listing's event as stored by Jakarta NoSQL: a sub-document, its start a date (queries compare
 * it). The same shape {@link ListingFields} writes through the driver, so both read each other's.
 */
@Embeddable(Embeddable.EmbeddableType.GROUPING)
public class ListedEvent {
    @Column private String name;
    @Column private String venue;
    @Column private String city;
    @Column private Date startsAt;

    public ListedEvent() {}

    /** The stored form of {@code event}; null for none. */
    public static ListedEvent of(Event event) {
        if (event == null) {
            return null;
        }
        ListedEvent d = new ListedEvent();
        d.name = event.name();
        d.venue = event.venue();
        d.city = event.city();
        d.startsAt = Date.from(event.startsAt());
        return d;
    }

    /** The event, or null: JNoSQL fills an empty one in for a listing that has none. */
    public Event toEvent() {
        return startsAt == null ? null : new Event(name, venue, city, startsAt.toInstant());
    }
}
