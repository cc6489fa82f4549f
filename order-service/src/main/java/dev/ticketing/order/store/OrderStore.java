package dev.ticketing.order.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.order.application.OrderBook;
import dev.ticketing.order.domain.Order;
import dev.ticketing.order.domain.OrderStatus;
import dev.ticketing.store.mongo.Criteria;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.mongo.Queries;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The orders, each with its outbox: order-service's {@link OrderBook}. {@code activeTicketId} is
 * set while an order holds its ticket (open or paid) and removed when it is cancelled; a unique
 * index on it is the second guard against two orders holding one ticket, behind the copy's claim
 * (checked: mongo-java-server enforces single-field unique sparse indexes, in memory and on H2).
 * {@code holdSlot} is set while an order is open; its unique index keeps a buyer within {@link
 * dev.ticketing.order.domain.HoldLimit} however many orders the buyer places at once.
 */
@ApplicationScoped
public class OrderStore implements OrderBook, OutboxCollection {
    public static final String COLLECTION = "orders";
    static final String ACTIVE_TICKET = "activeTicketId";

    /** "{buyer}#{slot}" while the order is open: one of the buyer's hold slots (HoldLimit). */
    static final String HOLD_SLOT = "holdSlot";

    @Inject MongoStore store;

    @Inject EventOutbox outbox;

    @Inject DocumentTemplate template;

    private MongoCollection<Document> orders;

    @PostConstruct
    void open() {
        orders = store.collection(COLLECTION);
        orders.createIndex(
                Indexes.ascending(ACTIVE_TICKET),
                new IndexOptions().name("one_active_order_per_ticket").unique(true).sparse(true));
        orders.createIndex(
                Indexes.ascending(HOLD_SLOT),
                new IndexOptions().name("one_open_order_per_hold_slot").unique(true).sparse(true));
        orders.createIndex(Indexes.ascending("userId"), new IndexOptions().name("by_buyer"));
        orders.createIndex(
                Indexes.ascending("status", "expiresAt"),
                new IndexOptions().name("open_by_expiry"));
    }

    /**
     * Ids of open orders whose hold ended before {@code before}, the longest overdue first: the
     * backstop's work.
     */
    public List<String> openOrdersExpiredBefore(Instant before, int max) {
        SelectQuery overdue =
                Queries.oldestFirst(
                        COLLECTION,
                        CriteriaCondition.and(
                                CriteriaCondition.eq("status", OrderStatus.CREATED.wireName()),
                                CriteriaCondition.lt("expiresAt", Date.from(before))),
                        "expiresAt",
                        max);
        return template.<OrderDocument>select(overdue).map(d -> d.toOrder().id()).toList();
    }

    @Override
    public String aggregate() {
        return "order";
    }

    @Override
    public MongoCollection<Document> collection() {
        return orders;
    }

    /**
     * Inserts a new order in the buyer's hold slot {@code slot} with its order.created event,
     * atomically (one document).
     *
     * @return false on a duplicate key ({@link MongoStore#isDuplicateKey}): another order is active
     *     on the ticket or open in that slot ({@link #slotTaken} tells which), or the id was
     *     retired by the claim sweep
     */
    @Override
    public boolean insert(Order order, int slot, EventPayload created) {
        OrderDocument document =
                OrderDocument.placed(order, slotKey(order.userId(), slot), Instant.now());
        document.holdEvents(List.of(outbox.pending(created)));
        return MongoStore.insertIfAbsent(() -> template.insert(document));
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    @Override
    public void relayEvents(String orderId) {
        outbox.relay(orders, orderId);
    }

    /** The hold slots the buyer's open orders take. */
    @Override
    public Set<Integer> holdSlotsOf(String userId) {
        Set<Integer> slots = new HashSet<>();
        select(
                        CriteriaCondition.and(
                                CriteriaCondition.eq("userId", userId),
                                Criteria.isPresent(HOLD_SLOT)))
                .forEach(d -> slots.add(slotOf(d)));
        return slots;
    }

    /**
     * One read through the buyer index: the buyer's open orders (for their slots) and the buyer's
     * orders of the ticket.
     */
    @Override
    public BuyerHolds holdsOf(String userId, String ticketId) {
        Set<Integer> slots = new HashSet<>();
        List<Order> ofTicket = new ArrayList<>();
        select(
                        CriteriaCondition.and(
                                CriteriaCondition.eq("userId", userId),
                                CriteriaCondition.or(
                                        Criteria.isPresent(HOLD_SLOT),
                                        CriteriaCondition.eq("ticket.id", ticketId))))
                .forEach(
                        d -> {
                            if (d.holdSlot() != null) {
                                slots.add(slotOf(d));
                            }
                            Order order = d.toOrder();
                            if (ticketId.equals(order.ticket().id())) {
                                ofTicket.add(order);
                            }
                        });
        return new BuyerHolds(slots, ofTicket);
    }

    private static int slotOf(OrderDocument d) {
        String key = d.holdSlot();
        return Integer.parseInt(key.substring(key.lastIndexOf('#') + 1));
    }

    /** Whether an open order of the buyer takes {@code slot}. */
    public boolean slotTaken(String userId, int slot) {
        return template.<OrderDocument>singleResult(
                        Queries.any(
                                COLLECTION, CriteriaCondition.eq(HOLD_SLOT, slotKey(userId, slot))))
                .isPresent();
    }

    private static String slotKey(String userId, int slot) {
        return userId + "#" + slot;
    }

    /**
     * Retires the id of an order that was never stored (its process died between claim and insert):
     * a cancelled stub with no buyer, so a late insert of that order fails on its id. False if the
     * order exists after all. Written with the driver: JNoSQL writes every absent field as null,
     * and the sparse unique indexes would then count the stubs' nulls as values.
     */
    public boolean retire(String orderId, String ticketId) {
        return MongoStore.insertIfAbsent(
                () ->
                        orders.insertOne(
                                new Document("_id", orderId)
                                        .append("status", OrderStatus.CANCELLED.wireName())
                                        .append("version", 0L)
                                        .append("ticket", new Document("id", ticketId))
                                        .append("retiredAt", new Date())));
    }

    public Optional<Order> find(String id) {
        return template.find(OrderDocument.class, id)
                .filter(OrderDocument::isOrder)
                .map(OrderDocument::toOrder);
    }

    /**
     * The order's status, including a retired stub's ("cancelled"); empty if no document has the
     * id.
     */
    public Optional<OrderStatus> statusOf(String id) {
        return template.find(OrderDocument.class, id).map(OrderDocument::status);
    }

    /** The buyer's orders, newest first. */
    public List<Order> ofBuyer(String userId) {
        SelectQuery mine =
                SelectQuery.builder()
                        .from(COLLECTION)
                        .where(CriteriaCondition.eq("userId", userId))
                        .sort(Sort.desc("placedAt"))
                        .build();
        return template.<OrderDocument>select(mine).map(OrderDocument::toOrder).toList();
    }

    /**
     * Writes {@code after}'s status and version if the order is still at {@code before}'s version,
     * with its events, in one conditional write; a cancelled order stops being the ticket's active
     * one.
     */
    public boolean update(Order before, Order after, List<EventPayload> events) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set("status", after.status().wireName()));
        changes.add(Updates.set("version", after.version()));
        if (after.status() == OrderStatus.CANCELLED) {
            changes.add(Updates.unset(ACTIVE_TICKET));
        }
        if (!after.status().isOpen()) {
            changes.add(Updates.unset(HOLD_SLOT)); // paid or let go: the slot is the buyer's again
        }
        changes.add(Outbox.append(events.stream().map(outbox::pending).toList()));
        return orders.updateOne(
                                Filters.and(
                                        Filters.eq("_id", before.id()),
                                        Filters.eq("version", before.version())),
                                Updates.combine(changes))
                        .getModifiedCount()
                == 1;
    }

    private List<OrderDocument> select(CriteriaCondition where) {
        return template.<OrderDocument>select(Queries.all(COLLECTION, where)).toList();
    }
}
