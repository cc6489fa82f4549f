package dev.ticketing.order.store;

import dev.ticketing.order.domain.TicketCopy;
import dev.ticketing.store.mongo.StoredListing;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Date;

/**
 * The stored form of a {@link TicketCopy}, mapped by Jakarta NoSQL: the catalog's fields as
 * replicated, and this service's claim ({@code reservedBy}, {@code reservedAt}), which only the
 * claim, its release and its closing write (through the driver, {@link TicketCopyStore}).
 */
@Entity(TicketCopyStore.COLLECTION)
public class TicketCopyDocument {

    @Id private String id;

    /** Title, price, event, seat and seller, flat in this document as in the catalog's. */
    @Column private StoredListing listing;

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
        d.listing = StoredListing.of(copy.listing());
        d.version = copy.version();
        d.orderId = copy.orderId();
        d.withdrawn = copy.withdrawn();
        return d;
    }

    TicketCopy toCopy() {
        return new TicketCopy(listing.toListing(id), version, orderId, reservedBy, withdrawn);
    }
}
