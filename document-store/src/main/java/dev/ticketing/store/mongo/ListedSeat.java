package dev.ticketing.store.mongo;

import dev.ticketing.common.listing.Seat;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;

/**
 * A listing's seat as stored by Jakarta NoSQL; unknown parts are null (the driver's form, {@link
 * ListingFields}, leaves them out, which reads the same).
 */
@Embeddable(Embeddable.EmbeddableType.GROUPING)
public class ListedSeat {
    @Column private String section;
    @Column private String row;
    @Column private String number;

    public ListedSeat() {}

    /** The stored form of {@code seat}; null for none. */
    public static ListedSeat of(Seat seat) {
        if (seat == null) {
            return null;
        }
        ListedSeat d = new ListedSeat();
        d.section = seat.section();
        d.row = seat.row();
        d.number = seat.number();
        return d;
    }

    /** The seat, or null when no part is known. */
    public Seat toSeat() {
        return Seat.of(section, row, number);
    }
}
