package dev.ticketing.catalog.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.ticketing.catalog.application.Tickets;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.Outbox;
import dev.ticketing.store.outbox.OutboxCollection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * The tickets collection, the catalog's {@link Tickets}. Every write carries the change and its
 * events in one atomic document write.
 */
@ApplicationScoped
public class TicketStore implements Tickets, OutboxCollection {
    public static final String COLLECTION = "tickets";

    @Inject MongoStore store;

    @Inject EventOutbox outbox;

    private MongoCollection<Document> tickets;

    @PostConstruct
    void open() {
        tickets = store.collection(COLLECTION);
        // The storefront's list: free tickets, newest first.
        tickets.createIndex(
                Indexes.compoundIndex(Indexes.ascending("orderId"), Indexes.descending("listedAt")),
                new IndexOptions().name("free_newest_first"));
    }

    @Override
    public String aggregate() {
        return "ticket";
    }

    @Override
    public MongoCollection<Document> collection() {
        return tickets;
    }

    @Override
    public String newId() {
        return new ObjectId().toHexString();
    }

    /** Inserts a new ticket with its ticket.created event (atomic: one document). */
    @Override
    public void insert(Ticket ticket, EventPayload created) {
        Document doc =
                new Document("_id", ticket.id())
                        .append("title", ticket.title())
                        .append("price", new Decimal128(ticket.price()))
                        .append("userId", ticket.userId())
                        .append("version", ticket.version())
                        .append("orderId", ticket.orderId())
                        .append("listedAt", Date.from(ticket.listedAt()))
                        .append(
                                "orderEvents",
                                new Document(new HashMap<String, Object>(ticket.orderEvents())));
        tickets.insertOne(Outbox.with(doc, List.of(outbox.pending(created))));
    }

    @Override
    public Optional<Ticket> find(String id) {
        return Optional.ofNullable(tickets.find(Filters.eq("_id", id)).first())
                .map(TicketStore::toTicket);
    }

    /** Free tickets, newest first. */
    @Override
    public List<Ticket> listFree(int offset, int limit) {
        List<Ticket> found = new ArrayList<>();
        tickets.find(Filters.eq("orderId", null))
                .sort(Sorts.orderBy(Sorts.descending("listedAt"), Sorts.descending("_id")))
                .skip(offset)
                .limit(limit)
                .forEach(d -> found.add(toTicket(d)));
        return found;
    }

    /**
     * Writes {@code after} over {@code before} if the stored ticket is still at {@code before}'s
     * version, with {@code events} appended to its outbox, in one conditional write. Only the
     * fields that changed are set (an order's entry in {@code orderEvents}, not the whole map).
     *
     * @return false when another write got there first (read again and decide again)
     */
    @Override
    public boolean update(Ticket before, Ticket after, List<EventPayload> events) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set("title", after.title()));
        changes.add(Updates.set("price", new Decimal128(after.price())));
        changes.add(Updates.set("userId", after.userId()));
        changes.add(Updates.set("orderId", after.orderId()));
        changes.add(Updates.set("version", after.version()));
        after.orderEvents()
                .forEach(
                        (order, version) -> {
                            if (!Objects.equals(before.orderEvents().get(order), version)) {
                                changes.add(Updates.set("orderEvents." + order, version));
                            }
                        });
        if (!events.isEmpty()) {
            changes.add(Outbox.append(events.stream().map(outbox::pending).toList()));
        }
        return tickets.updateOne(
                                Filters.and(
                                        Filters.eq("_id", before.id()),
                                        Filters.eq("version", before.version())),
                                Updates.combine(changes))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public void relayEvents(String ticketId) {
        outbox.relay(tickets, ticketId);
    }

    static Ticket toTicket(Document d) {
        Object price = d.get("price");
        BigDecimal amount =
                price instanceof Decimal128 dec
                        ? dec.bigDecimalValue()
                        : new BigDecimal(price.toString());
        Map<String, Long> orderEvents = new HashMap<>();
        Document seen = d.get("orderEvents", Document.class);
        if (seen != null) {
            seen.forEach(
                    (order, version) -> orderEvents.put(order, ((Number) version).longValue()));
        }
        return new Ticket(
                d.getString("_id"),
                d.getString("title"),
                amount,
                d.getString("userId"),
                ((Number) d.get("version")).longValue(),
                d.getString("orderId"),
                d.getDate("listedAt").toInstant(),
                orderEvents);
    }
}
