package dev.ticketing.catalog.store;

import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.store.outbox.OutboxDocument;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.types.Decimal128;

/**
 * The stored form of a {@link Ticket}, mapped by Jakarta NoSQL: one document per ticket in {@value
 * TicketStore#COLLECTION}, with its outbox. {@code price} is a Decimal128, {@code listedAt} a date.
 */
@Entity(TicketStore.COLLECTION)
public class TicketDocument extends OutboxDocument {

    @Id private String id;
    @Column private String title;

    @Column private Decimal128 price;

    @Column private String userId;
    @Column private long version;

    /** Absent while the ticket is free (the storefront's list asks for that). */
    @Column private String orderId;

    @Column private Date listedAt;

    @Column private Map<String, Long> orderEvents = new HashMap<>();

    public TicketDocument() {}

    static TicketDocument of(Ticket ticket) {
        TicketDocument d = new TicketDocument();
        d.id = ticket.id();
        d.title = ticket.title();
        d.price = new Decimal128(ticket.price());
        d.userId = ticket.userId();
        d.version = ticket.version();
        d.orderId = ticket.orderId();
        d.listedAt = Date.from(ticket.listedAt());
        d.orderEvents = new HashMap<>(ticket.orderEvents());
        return d;
    }

    Ticket toTicket() {
        return new Ticket(
                id,
                title,
                price.bigDecimalValue(),
                userId,
                version,
                orderId,
                listedAt.toInstant(),
                orderEvents == null ? Map.of() : orderEvents);
    }
}
