package dev.ticketing.payment.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.payment.domain.Cents;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.outbox.Outbox;
import dev.ticketing.store.outbox.PendingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Order copies and their payments, one document per order. Every change is one conditional write
 * on that document: an order event applies only on top of the version before it, and a payment is
 * recorded only while the order is still payable, together with its payment.created in the outbox.
 * MongoDB writes one document atomically, so "the order was still open" and "the payment is
 * recorded" cannot be split by an expiry.
 */
@ApplicationScoped
public class OrderCopies {
    public static final String COLLECTION = "orders";

    @Inject
    Database database;

    public MongoCollection<Document> collection() {
        return database.store().collection(COLLECTION);
    }

    public Optional<OrderCopy> find(String orderId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", orderId)).first()).map(OrderCopies::toCopy);
    }

    /** Stores the copy of a new order; false when it already exists (a redelivery). */
    public boolean insertCreated(OrderCreated order) {
        Document doc = new Document("_id", order.id())
                .append("version", order.version())
                .append("status", OrderStatus.of(order.status()).value())
                .append("userId", order.userId())
                .append("priceCents", Cents.of(order.ticket().price()))
                .append("ticketId", order.ticket().id())
                .append("expiresAt", order.expiresAt() == null ? null : Date.from(order.expiresAt()));
        try {
            collection().insertOne(doc);
            return true;
        } catch (RuntimeException e) {
            if (MongoStore.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Moves the copy to {@code status} at {@code version} if it is at {@code version - 1}; the copy after it. */
    public Optional<OrderCopy> applyStatus(String orderId, long version, OrderStatus status) {
        Document updated = collection().findOneAndUpdate(
                Filters.and(Filters.eq("_id", orderId), Filters.eq("version", version - 1)),
                Updates.combine(Updates.set("status", status.value()), Updates.set("version", version)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(OrderCopies::toCopy);
    }

    /**
     * Records {@code payment} if the order is still payable (created, no payment yet), with
     * {@code event} in its outbox; the updated copy, or empty when the order was not payable.
     */
    public Optional<OrderCopy> recordPayment(Payment payment, PendingEvent event) {
        Bson payable = Filters.and(Filters.eq("_id", payment.orderId()),
                Filters.in("status", OrderStatus.CREATED.value(), OrderStatus.AWAITING_PAYMENT.value()),
                Filters.exists("payment", false));
        Document updated = collection().findOneAndUpdate(payable,
                Updates.combine(Updates.set("payment", toDocument(payment)), Outbox.append(List.of(event))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(OrderCopies::toCopy);
    }

    /** Notes that the order's payment was refunded (idempotent). */
    public void recordRefund(String orderId, String refundId) {
        collection().updateOne(Filters.and(Filters.eq("_id", orderId), Filters.exists("payment.refundId", false)),
                Updates.set("payment.refundId", refundId));
    }

    private static Document toDocument(Payment p) {
        return new Document("id", p.id()).append("orderId", p.orderId()).append("stripeId", p.stripeId())
                .append("amountCents", p.amountCents()).append("currency", p.currency())
                .append("createdAt", Date.from(p.createdAt()));
    }

    static OrderCopy toCopy(Document d) {
        Document p = d.get("payment", Document.class);
        Payment payment = p == null ? null : new Payment(p.getString("id"), p.getString("orderId"),
                p.getString("stripeId"), number(p.get("amountCents")), p.getString("currency"),
                p.getDate("createdAt") == null ? Instant.EPOCH : p.getDate("createdAt").toInstant(),
                p.getString("refundId"));
        return new OrderCopy(d.getString("_id"), number(d.get("version")), OrderStatus.of(d.getString("status")),
                d.getString("userId"), number(d.get("priceCents")), d.getString("ticketId"), payment);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
