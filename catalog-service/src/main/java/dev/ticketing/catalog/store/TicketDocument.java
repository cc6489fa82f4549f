package dev.ticketing.catalog.store;

import dev.ticketing.catalog.domain.SearchWords;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.catalog.domain.TicketFile;
import dev.ticketing.store.mongo.StoredListing;
import dev.ticketing.store.outbox.OutboxDocument;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The stored form of a {@link Ticket}, mapped by Jakarta NoSQL: one document per ticket in {@value
 * TicketStore#COLLECTION}, with its outbox. {@code price} is a Decimal128, {@code listedAt} and the
 * event's {@code startsAt} dates; {@code event} and {@code seat} are null when the seller named
 * none.
 */
@Entity(TicketStore.COLLECTION)
public class TicketDocument extends OutboxDocument {

    @Id private String id;

    /** Title, price, event, seat and seller, flat in this document. */
    @Column private StoredListing listing;

    @Column private long version;

    /** Absent while the ticket is free (the storefront's list asks for that). */
    @Column private String orderId;

    @Column private Date listedAt;

    /** Absent until the ticket is sold (order.completed). */
    @Column private Date soldAt;

    /** Absent while the seller keeps it listed (the storefront's list asks for that). */
    @Column private Date withdrawnAt;

    /** Absent until the ticket is sold to a buyer named by its order.completed. */
    @Column private String buyerId;

    /** Absent until the seller attaches the ticket itself; its content is in ticketFiles. */
    @Column private AttachedFile file;

    @Column private Map<String, Long> orderEvents = new HashMap<>();

    /** The folded words a search finds the listing by (title, event name, venue, city). */
    @Column private List<String> searchWords = new ArrayList<>();

    /** The event's city folded, as a search compares it; absent without an event. */
    @Column private String cityKey;

    /** The listing's file as stored: which content, its type and size. */
    @Embeddable(Embeddable.EmbeddableType.GROUPING)
    public static class AttachedFile {
        @Column private String fileId;
        @Column private String type;
        @Column private long size;
        @Column private Date attachedAt;

        public AttachedFile() {}

        static AttachedFile of(TicketFile f) {
            if (f == null) {
                return null;
            }
            AttachedFile d = new AttachedFile();
            d.fileId = f.id();
            d.type = f.type().mediaType();
            d.size = f.size();
            d.attachedAt = Date.from(f.attachedAt());
            return d;
        }

        /** The file, or null: JNoSQL fills an empty one in for a listing that has none. */
        TicketFile toFile() {
            return fileId == null
                    ? null
                    : new TicketFile(
                            fileId,
                            TicketFile.Type.ofMediaType(type).orElseThrow(),
                            size,
                            attachedAt.toInstant());
        }

        /** The driver's form, for the conditional update JNoSQL cannot express. */
        Document toBson() {
            return new Document("fileId", fileId)
                    .append("type", type)
                    .append("size", size)
                    .append("attachedAt", attachedAt);
        }
    }

    public TicketDocument() {}

    static TicketDocument of(Ticket ticket) {
        TicketDocument d = new TicketDocument();
        d.id = ticket.id();
        d.listing = StoredListing.of(ticket.listing());
        d.version = ticket.version();
        d.orderId = ticket.orderId();
        d.listedAt = Date.from(ticket.listedAt());
        d.soldAt = dateOf(ticket.soldAt());
        d.withdrawnAt = dateOf(ticket.withdrawnAt());
        d.buyerId = ticket.buyerId();
        d.file = AttachedFile.of(ticket.file());
        d.orderEvents = new HashMap<>(ticket.orderEvents());
        d.searchWords = new ArrayList<>(SearchWords.of(ticket));
        d.cityKey = SearchWords.city(ticket);
        return d;
    }

    Ticket toTicket() {
        return new Ticket(
                listing.toListing(id),
                version,
                orderId,
                listedAt.toInstant(),
                soldAt == null ? null : soldAt.toInstant(),
                withdrawnAt == null ? null : withdrawnAt.toInstant(),
                buyerId,
                file == null ? null : file.toFile(),
                orderEvents == null ? Map.of() : orderEvents);
    }

    static Date dateOf(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
