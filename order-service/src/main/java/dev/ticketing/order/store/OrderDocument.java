package dev.ticketing.order.store;

import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
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

    /**
     * The ticket as ordered: what the buyer agreed to pay, for which event and seat. Flat fields
     * (null when the listing had none): one level of grouping is what JNoSQL maps plainly.
     */
    @Embeddable(Embeddable.EmbeddableType.GROUPING)
    public static class OrderedTicket {
        @Column private String id;
        @Column private String title;

        @Column private Decimal128 price;

        @Column private long version;

        @Column private String eventName;
        @Column private String eventVenue;
        @Column private String eventCity;
        @Column private Date eventStartsAt;

        @Column private String seatSection;
        @Column private String seatRow;
        @Column private String seatNumber;

        public OrderedTicket() {}

        static OrderedTicket of(Order.Ticket t) {
            OrderedTicket d = new OrderedTicket();
            d.id = t.id();
            d.title = t.title();
            d.price = new Decimal128(t.price());
            d.version = t.version();
            if (t.event() != null) {
                d.eventName = t.event().name();
                d.eventVenue = t.event().venue();
                d.eventCity = t.event().city();
                d.eventStartsAt = Date.from(t.event().startsAt());
            }
            if (t.seat() != null) {
                d.seatSection = t.seat().section();
                d.seatRow = t.seat().row();
                d.seatNumber = t.seat().number();
            }
            return d;
        }

        Order.Ticket toTicket() {
            Event event =
                    eventStartsAt == null
                            ? null
                            : new Event(
                                    eventName, eventVenue, eventCity, eventStartsAt.toInstant());
            return new Order.Ticket(
                    id,
                    title,
                    price.bigDecimalValue(),
                    version,
                    event,
                    Seat.of(seatSection, seatRow, seatNumber));
        }
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
        d.ticket = OrderedTicket.of(order.ticket());
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
        return new Order(id, userId, status(), expiresAt.toInstant(), version, ticket.toTicket());
    }
}
