package dev.ticketing.order.store;

import dev.ticketing.common.listing.Listing;
import dev.ticketing.order.domain.TicketCopy;
import dev.ticketing.store.mongo.ListedEvent;
import dev.ticketing.store.mongo.ListedSeat;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Date;
import org.bson.types.Decimal128;

/**
 * The stored form of a {@link TicketCopy}, mapped by Jakarta NoSQL: the catalog's fields as
 * replicated, and this service's claim ({@code reservedBy}, {@code reservedAt}), which only the
 * claim, its release and its closing write (through the driver, {@link TicketCopyStore}).
 */
@Entity(TicketCopyStore.COLLECTION)
public class TicketCopyDocument {

    @Id private String id;
    @Column private String title;
    @Column private Decimal128 price;
    @Column private ListedEvent event;
    @Column private ListedSeat seat;
    @Column private String userId;
    @Column private long version;

    /** The catalog's view of the order holding the ticket (replicated, informational). */
    @Column private String orderId;

    @Column private boolean withdrawn;

    /** The order that holds the ticket; null while it is free. */
    @Column private String reservedBy;

    /** When a live claim was made; absent once released or closed (the sweep reads only these). */
    @Column(TicketCopyStore.RESERVED_AT)
    private Date reservedAt;

    public TicketCopyDocument() {}

    /** A first copy, not held by any order. */
    static TicketCopyDocument of(TicketCopy copy) {
        TicketCopyDocument d = new TicketCopyDocument();
        d.id = copy.id();
        d.title = copy.title();
        d.price = Decimals.of(copy.price());
        d.event = ListedEvent.of(copy.event());
        d.seat = ListedSeat.of(copy.seat());
        d.userId = copy.userId();
        d.version = copy.version();
        d.orderId = copy.orderId();
        d.withdrawn = copy.withdrawn();
        return d;
    }

    TicketCopy toCopy() {
        return new TicketCopy(
                new Listing(
                        id,
                        title,
                        Decimals.from(price),
                        event == null ? null : event.toEvent(),
                        seat == null ? null : seat.toSeat(),
                        userId),
                version,
                orderId,
                reservedBy,
                withdrawn);
    }
}
