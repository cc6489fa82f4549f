package dev.ticketing.store.mongo;

import dev.ticketing.common.listing.Listing;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import org.bson.types.Decimal128;

/**
 * What a seller listed, as catalog's tickets and order's ticket copies both store it: flat in the
 * ticket's document ({@code title}, {@code price} a Decimal128, {@code event}, {@code seat}, {@code
 * userId}), so queries and the driver's conditional updates name the same fields in both. The
 * ticket's id stays on its entity, where Jakarta NoSQL wants it.
 */
@Embeddable(Embeddable.EmbeddableType.FLAT)
public class StoredListing {
    @Column private String title;
    @Column private Decimal128 price;
    @Column private ListedEvent event;
    @Column private ListedSeat seat;
    @Column private String userId;

    public StoredListing() {}

    public static StoredListing of(Listing listing) {
        StoredListing d = new StoredListing();
        d.title = listing.title();
        d.price = listing.price() == null ? null : new Decimal128(listing.price());
        d.event = ListedEvent.of(listing.event());
        d.seat = ListedSeat.of(listing.seat());
        d.userId = listing.userId();
        return d;
    }

    /** The listing of the ticket {@code id}. */
    public Listing toListing(String id) {
        return new Listing(
                id,
                title,
                price == null ? null : price.bigDecimalValue(),
                event == null ? null : event.toEvent(),
                seat == null ? null : seat.toSeat(),
                userId);
    }
}
