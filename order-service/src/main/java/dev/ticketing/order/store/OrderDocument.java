package dev.ticketing.order.store;

import dev.ticketing.order.domain.Order;
import dev.ticketing.order.domain.OrderStatus;
import dev.ticketing.store.outbox.OutboxDocument;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.Date;
import org.bson.types.Decimal128;

/**
 * The stored form of an {@link Order}, mapped by Jakarta NoSQL (fields only: JNoSQL reads and
 * writes them by reflection). A retired id ({@link OrderStore#retire}) is a document of this shape
 * with only an id, a cancelled status and its ticket's id.
 */
@Entity(OrderStore.COLLECTION)
public class OrderDocument extends OutboxDocument {

    @Id private String id;
    @Column private String userId;

    /** The status's wire name ("created", "cancelled", ...). */
    @Column private String status;

    @Column private Date expiresAt;

    @Column private long version;
    @Column private OrderedTicket ticket;

    /** The ticket's id while the order holds it; a unique sparse index guards it. */
    @Column(OrderStore.ACTIVE_TICKET)
    private String activeTicketId;

    /** "{buyer}#{slot}" while the order is open; a unique sparse index guards it. */
    @Column(OrderStore.HOLD_SLOT)
    private String holdSlot;

    @Column private Date placedAt;

    /** The ticket as ordered: what the buyer agreed to pay. */
    @Embeddable(Embeddable.EmbeddableType.GROUPING)
    public static class OrderedTicket {
        @Column private String id;
        @Column private String title;

        @Column private Decimal128 price;

        @Column private long version;

        public OrderedTicket() {}
    }

    public OrderDocument() {}

    /** A new order, holding its ticket in the buyer's hold slot {@code holdSlot}. */
    static OrderDocument placed(Order order, String holdSlot, Instant placedAt) {
        OrderDocument d = new OrderDocument();
        d.id = order.id();
        d.userId = order.userId();
        d.status = order.status().wireName();
        d.expiresAt = Date.from(order.expiresAt());
        d.version = order.version();
        d.ticket = new OrderedTicket();
        d.ticket.id = order.ticket().id();
        d.ticket.title = order.ticket().title();
        d.ticket.price = new Decimal128(order.ticket().price());
        d.ticket.version = order.ticket().version();
        d.activeTicketId = order.ticket().id();
        d.holdSlot = holdSlot;
        d.placedAt = Date.from(placedAt);
        return d;
    }

    /** False for a retired id: no buyer ever placed it. */
    boolean isOrder() {
        return userId != null;
    }

    OrderStatus status() {
        return OrderStatus.ofWireName(status);
    }

    String holdSlot() {
        return holdSlot;
    }

    Order toOrder() {
        return new Order(
                id,
                userId,
                status(),
                expiresAt.toInstant(),
                version,
                new Order.Ticket(
                        ticket.id, ticket.title, ticket.price.bigDecimalValue(), ticket.version));
    }
}
