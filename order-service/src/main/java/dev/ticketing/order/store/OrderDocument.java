package dev.ticketing.order.store;

import dev.ticketing.order.domain.Order;
import dev.ticketing.order.domain.OrderStatus;
import dev.ticketing.store.mongo.ExactDecimal;
import dev.ticketing.store.mongo.InstantAsDate;
import dev.ticketing.store.outbox.OutboxDocument;
import jakarta.nosql.Column;
import jakarta.nosql.Convert;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.math.BigDecimal;
import java.time.Instant;

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

    @Column
    @Convert(InstantAsDate.class)
    private Instant expiresAt;

    @Column private long version;
    @Column private OrderedTicket ticket;

    /** The ticket's id while the order holds it; a unique sparse index guards it. */
    @Column(OrderStore.ACTIVE_TICKET)
    private String activeTicketId;

    /** "{buyer}#{slot}" while the order is open; a unique sparse index guards it. */
    @Column(OrderStore.HOLD_SLOT)
    private String holdSlot;

    @Column
    @Convert(InstantAsDate.class)
    private Instant placedAt;

    /** The ticket as ordered: what the buyer agreed to pay. */
    @Embeddable(Embeddable.EmbeddableType.GROUPING)
    public static class OrderedTicket {
        @Column private String id;
        @Column private String title;

        @Column
        @Convert(ExactDecimal.class)
        private BigDecimal price;

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
        d.expiresAt = order.expiresAt();
        d.version = order.version();
        d.ticket = new OrderedTicket();
        d.ticket.id = order.ticket().id();
        d.ticket.title = order.ticket().title();
        d.ticket.price = order.ticket().price();
        d.ticket.version = order.ticket().version();
        d.activeTicketId = order.ticket().id();
        d.holdSlot = holdSlot;
        d.placedAt = placedAt;
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
                expiresAt,
                version,
                new Order.Ticket(ticket.id, ticket.title, ticket.price, ticket.version));
    }
}
