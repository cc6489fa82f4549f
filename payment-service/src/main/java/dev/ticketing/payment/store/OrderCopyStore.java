package dev.ticketing.payment.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.payment.checkout.OrderCopies;
import dev.ticketing.payment.domain.Cents;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.Payout;
import dev.ticketing.store.mongo.DriverResults;
import dev.ticketing.store.mongo.Keyset;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.Outbox;
import dev.ticketing.store.outbox.OutboxCollection;
import jakarta.annotation.PostConstruct;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Order copies and their payments, one document per order: checkout's {@link OrderCopies}. Every
 * change is one conditional write on that document: an order event applies only on top of an older
 * version, and a payment is recorded only while the order is still payable, together with its
 * payment.created in the outbox. MongoDB writes one document atomically, so "the order was still
 * open" and "the payment is recorded" cannot be split by an expiry.
 *
 * <p>Jakarta NoSQL maps what is read ({@link OrderCopyDocument}): a copy by id and a seller's
 * payouts through its template, and what a find-and-modify or the payout round's keyset page
 * returns through its converter ({@link DriverResults}). Every write is the driver's: each is
 * conditional or appends to the outbox, and the inserts leave out what the event did not carry,
 * because the {@code $exists} filters ({@link #fillIn}, {@link #recordPayment}) test for absence,
 * and JNoSQL would write every unset field as null.
 */
@ApplicationScoped
public class OrderCopyStore implements OrderCopies, OutboxCollection {
    public static final String COLLECTION = "orders";

    @Inject MongoStore store;

    @Inject EventOutbox outbox;

    @Inject DocumentTemplate template;

    @Inject DriverResults results;

    /** The seller's payouts, newest first; the payouts due, by release time. */
    @PostConstruct
    void createIndexes() {
        collection()
                .createIndex(
                        Indexes.descending("payout.sellerId", "payout.createdAt"),
                        new IndexOptions().name("payouts_of_seller"));
        collection()
                .createIndex(
                        Indexes.ascending("payout.status", "payout.releaseAt"),
                        new IndexOptions().name("payouts_due"));
    }

    @Override
    public String aggregate() {
        return "payment";
    }

    @Override
    public MongoCollection<Document> collection() {
        return store.collection(COLLECTION);
    }

    @Override
    public String newPaymentId() {
        return new ObjectId().toHexString();
    }

    @Override
    public void relayEvents(String orderId) {
        outbox.relay(collection(), orderId);
    }

    @Override
    public Optional<OrderCopy> find(String orderId) {
        return template.find(OrderCopyDocument.class, orderId).map(OrderCopyDocument::toCopy);
    }

    /**
     * Stores the copy of a new order; false when one exists already (a redelivery, or a later event
     * came first).
     */
    public boolean insertCreated(OrderCreated order) {
        Document doc =
                new Document("_id", order.id())
                        .append("version", order.version())
                        .append("status", OrderStatus.of(order.status()).value())
                        .append("userId", order.userId())
                        .append("priceCents", Cents.of(order.ticket().price()))
                        .append("ticketId", order.ticket().id())
                        .append("sellerId", order.ticket().sellerId())
                        .append("eventStartsAt", date(order.ticket().eventStartsAt()))
                        .append(
                                "expiresAt",
                                order.expiresAt() == null ? null : Date.from(order.expiresAt()));
        return MongoStore.insertIfAbsent(() -> collection().insertOne(doc));
    }

    /**
     * Fills in what a copy made from a later event lacks (owner, price, ticket, expiry), from the
     * order.created that arrived after it; its status and version stay. True when it filled in.
     */
    public boolean fillIn(OrderCreated order) {
        return collection()
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", order.id()),
                                        Filters.exists("userId", false)),
                                Updates.combine(
                                        Updates.set("userId", order.userId()),
                                        Updates.set("priceCents", Cents.of(order.ticket().price())),
                                        Updates.set("ticketId", order.ticket().id()),
                                        Updates.set("sellerId", order.ticket().sellerId()),
                                        Updates.set(
                                                "eventStartsAt",
                                                date(order.ticket().eventStartsAt())),
                                        Updates.set(
                                                "expiresAt",
                                                order.expiresAt() == null
                                                        ? null
                                                        : Date.from(order.expiresAt()))))
                        .getModifiedCount()
                == 1;
    }

    /**
     * Moves the copy to {@code status} at {@code version} if it is at an older version; the copy
     * after it, or empty when it is already there or past it.
     */
    public Optional<OrderCopy> applyStatus(String orderId, long version, OrderStatus status) {
        Document updated =
                collection()
                        .findOneAndUpdate(
                                Filters.and(
                                        Filters.eq("_id", orderId), Filters.lt("version", version)),
                                Updates.combine(
                                        Updates.set("status", status.value()),
                                        Updates.set("version", version)),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(this::toCopy);
    }

    /**
     * Stores a copy known only from a status change that overtook its order.created: its
     * order.created, when it comes, fills in the rest. False when a copy exists already.
     */
    public boolean insertFromStatus(String orderId, long version, OrderStatus status) {
        return MongoStore.insertIfAbsent(
                () ->
                        collection()
                                .insertOne(
                                        new Document("_id", orderId)
                                                .append("version", version)
                                                .append("status", status.value())));
    }

    /**
     * Records {@code payment} if the order is still payable (created, no payment yet), with the
     * seller's {@code payout} (null when the order names no seller) and {@code events} in its
     * outbox; the updated copy, or empty when the order was not payable.
     */
    @Override
    public Optional<OrderCopy> recordPayment(
            Payment payment, Payout payout, List<EventPayload> events) {
        Bson payable =
                Filters.and(
                        Filters.eq("_id", payment.orderId()),
                        Filters.in(
                                "status",
                                OrderStatus.CREATED.value(),
                                OrderStatus.AWAITING_PAYMENT.value()),
                        Filters.exists("payment", false));
        Document updated =
                collection()
                        .findOneAndUpdate(
                                payable,
                                Updates.combine(
                                        Updates.set("payment", toDocument(payment)),
                                        Updates.set(
                                                "payout",
                                                payout == null ? null : toDocument(payout)),
                                        Outbox.append(
                                                events.stream().map(outbox::pending).toList())),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(this::toCopy);
    }

    /** Notes that the order's payment was refunded (idempotent). */
    public void recordRefund(String orderId, String refundId) {
        collection()
                .updateOne(
                        Filters.and(
                                Filters.eq("_id", orderId),
                                Filters.exists("payment.refundId", false)),
                        Updates.set("payment.refundId", refundId));
    }

    /**
     * Cancels the order's payout while it is still pending and the order cancelled, with {@code
     * event} in the outbox; true when this call cancelled it. A payout claimed for its transfer is
     * past cancelling (it is only claimed once the order is complete).
     */
    public boolean cancelPayout(String orderId, EventPayload event) {
        return collection()
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", orderId),
                                        Filters.eq("status", OrderStatus.CANCELLED.value()),
                                        Filters.eq("payout.status", Payout.Status.PENDING.value())),
                                Updates.combine(
                                        Updates.set(
                                                "payout.status", Payout.Status.CANCELLED.value()),
                                        Outbox.append(List.of(outbox.pending(event)))))
                        .getModifiedCount()
                == 1;
    }

    /**
     * The payouts to work on now, oldest release first: those due ({@code releaseAt} passed, the
     * order complete) and those claimed for a transfer that has not been recorded.
     */
    public List<OrderCopy> duePayouts(Instant now, OrderCopy after, int limit) {
        Bson due =
                Filters.or(
                        Filters.eq("payout.status", Payout.Status.TRANSFERRING.value()),
                        Filters.and(
                                Filters.eq("payout.status", Payout.Status.PENDING.value()),
                                Filters.lte("payout.releaseAt", Date.from(now)),
                                Filters.eq("status", OrderStatus.COMPLETE.value())));
        Bson page = due;
        if (after != null) {
            page =
                    Filters.and(
                            due,
                            Keyset.after(
                                    "payout.releaseAt",
                                    Date.from(after.payout().releaseAt()),
                                    after.id()));
        }
        return collection()
                .find(page)
                .sort(Keyset.order("payout.releaseAt"))
                .limit(limit)
                .map(this::toCopy)
                .into(new ArrayList<>());
    }

    /**
     * Claims the payout for its transfer: pending, due at {@code now}, and the order complete;
     * claimed, no refund cancels it. The copy after it, or empty when another took it first or it
     * is not due.
     */
    public Optional<OrderCopy> claimPayout(String orderId, Instant now) {
        Document updated =
                collection()
                        .findOneAndUpdate(
                                Filters.and(
                                        Filters.eq("_id", orderId),
                                        Filters.eq("status", OrderStatus.COMPLETE.value()),
                                        Filters.eq("payout.status", Payout.Status.PENDING.value()),
                                        Filters.lte("payout.releaseAt", Date.from(now))),
                                Updates.set("payout.status", Payout.Status.TRANSFERRING.value()),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(this::toCopy);
    }

    /**
     * Records the claimed payout's transfer, with {@code event} in the outbox; false when it was
     * recorded already (a repeated finish).
     */
    public boolean recordPayoutPaid(
            String orderId, String transferId, Instant paidAt, EventPayload event) {
        return collection()
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", orderId),
                                        Filters.eq(
                                                "payout.status",
                                                Payout.Status.TRANSFERRING.value())),
                                Updates.combine(
                                        Updates.set("payout.status", Payout.Status.PAID.value()),
                                        Updates.set("payout.transferId", transferId),
                                        Updates.set("payout.paidAt", Date.from(paidAt)),
                                        Outbox.append(List.of(outbox.pending(event)))))
                        .getModifiedCount()
                == 1;
    }

    /** The payouts owed to {@code sellerId}, newest sale first. */
    public List<Payout> payoutsOf(String sellerId) {
        SelectQuery ofSeller =
                SelectQuery.builder()
                        .from(COLLECTION)
                        .where(CriteriaCondition.eq("payout.sellerId", sellerId))
                        .sort(Sort.desc("payout.createdAt"), Sort.desc("_id"))
                        .build();
        return template.<OrderCopyDocument>select(ofSeller).map(d -> d.toCopy().payout()).toList();
    }

    private static Document toDocument(Payout p) {
        return new Document("orderId", p.orderId())
                .append("ticketId", p.ticketId())
                .append("sellerId", p.sellerId())
                .append("amountCents", p.amountCents())
                .append("feeCents", p.feeCents())
                .append("status", p.status().value())
                .append("releaseAt", Date.from(p.releaseAt()))
                .append("createdAt", Date.from(p.createdAt()))
                .append("transferId", p.transferId())
                .append("paidAt", date(p.paidAt()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Document toDocument(Payment p) {
        return new Document("id", p.id())
                .append("orderId", p.orderId())
                .append("stripeId", p.stripeId())
                .append("amountCents", p.amountCents())
                .append("currency", p.currency())
                .append("createdAt", Date.from(p.createdAt()));
    }

    /** A document the driver returned (a find-and-modify's result), mapped as JNoSQL reads it. */
    private OrderCopy toCopy(Document d) {
        return results.toEntity(OrderCopyDocument.class, COLLECTION, d).toCopy();
    }
}
