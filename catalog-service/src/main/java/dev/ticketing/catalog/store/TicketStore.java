package dev.ticketing.catalog.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.ticketing.catalog.application.TicketSearch;
import dev.ticketing.catalog.application.Tickets;
import dev.ticketing.catalog.domain.SearchWords;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.store.mongo.Criteria;
import dev.ticketing.store.mongo.ListingFields;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.Outbox;
import dev.ticketing.store.outbox.OutboxCollection;
import jakarta.annotation.PostConstruct;
import jakarta.data.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.Element;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The tickets collection, the catalog's {@link Tickets}. Every write carries the change and its
 * events in one atomic document write. Reads and the insert go through Jakarta NoSQL's template
 * ({@link TicketDocument}); the driver only makes the conditional update, which JNoSQL 1.1 cannot
 * express (an update on a version, appending to the outbox).
 */
@ApplicationScoped
public class TicketStore implements Tickets, OutboxCollection {
    public static final String COLLECTION = "tickets";

    @Inject MongoStore store;

    @Inject EventOutbox outbox;

    @Inject DocumentTemplate template;

    private MongoCollection<Document> tickets;

    @PostConstruct
    void open() {
        tickets = store.collection(COLLECTION);
        // The storefront's list: free tickets, newest first.
        tickets.createIndex(
                Indexes.compoundIndex(Indexes.ascending("orderId"), Indexes.descending("listedAt")),
                new IndexOptions().name("free_newest_first"));
        // The search (docs/api.md, "Events and listings"): on sale means orderId and withdrawnAt
        // null, so each order's index starts with them; words and city have their own indexes.
        tickets.createIndex(
                Indexes.compoundIndex(
                        Indexes.ascending("orderId", "withdrawnAt"),
                        Indexes.descending("listedAt", "_id")),
                new IndexOptions().name("on_sale_newest"));
        tickets.createIndex(
                Indexes.ascending("orderId", "withdrawnAt", "price", "_id"),
                new IndexOptions().name("on_sale_cheapest"));
        tickets.createIndex(
                Indexes.ascending("orderId", "withdrawnAt", "event.startsAt", "_id"),
                new IndexOptions().name("on_sale_soonest"));
        tickets.createIndex(
                Indexes.ascending("cityKey", "event.startsAt"),
                new IndexOptions().name("city_soonest"));
        tickets.createIndex(Indexes.ascending("searchWords"), new IndexOptions().name("words"));
        fillInSearchFields();
        // A seller's listings, newest first.
        tickets.createIndex(
                Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("listedAt")),
                new IndexOptions().name("seller_newest_first"));
    }

    /**
     * Listings stored before the search existed have no words or city key: filled in once, so a
     * search finds them too. No new version and no event: what a listing is does not change.
     */
    private void fillInSearchFields() {
        for (Document old :
                tickets.find(Filters.exists("searchWords", false))
                        .projection(Projections.include("title", "event"))) {
            Document event = old.get("event", Document.class);
            String city = event == null ? null : event.getString("city");
            tickets.updateOne(
                    Filters.and(
                            Filters.eq("_id", old.get("_id")),
                            Filters.exists("searchWords", false)),
                    Updates.combine(
                            Updates.set(
                                    "searchWords",
                                    SearchWords.of(
                                            old.getString("title"),
                                            event == null ? null : event.getString("name"),
                                            event == null ? null : event.getString("venue"),
                                            city)),
                            Updates.set("cityKey", SearchWords.city(city))));
        }
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
        TicketDocument document = TicketDocument.of(ticket);
        document.holdEvents(List.of(outbox.pending(created)));
        template.insert(document);
    }

    @Override
    public Optional<Ticket> find(String id) {
        return template.find(TicketDocument.class, id).map(TicketDocument::toTicket);
    }

    /**
     * Free tickets, newest first; a withdrawn ticket, or one whose event has started, is never
     * listed.
     */
    @Override
    public List<Ticket> listFree(int offset, int limit) {
        SelectQuery free =
                SelectQuery.builder()
                        .from(COLLECTION)
                        .where(
                                CriteriaCondition.and(
                                        Criteria.isNull("orderId"),
                                        Criteria.isNull("withdrawnAt"),
                                        CriteriaCondition.or(
                                                Criteria.isNull("event"),
                                                CriteriaCondition.gt(
                                                        "event.startsAt", new Date()))))
                        .sort(Sort.desc("listedAt"), Sort.desc("_id"))
                        .skip(offset)
                        .limit(limit)
                        .build();
        return template.<TicketDocument>select(free).map(TicketDocument::toTicket).toList();
    }

    @Override
    public List<Ticket> search(TicketSearch search, Instant now, int max) {
        List<CriteriaCondition> where = new ArrayList<>();
        where.add(Criteria.isNull("orderId"));
        where.add(Criteria.isNull("withdrawnAt"));
        // Never a listing whose event has started; with dates or by date, only listings with one.
        CriteriaCondition future = CriteriaCondition.gt(STARTS_AT, Date.from(now));
        where.add(
                search.needsEvent()
                        ? future
                        : CriteriaCondition.or(Criteria.isNull("event"), future));
        for (String word : search.words()) {
            // An anchored prefix: MongoDB answers it from the words index.
            where.add(CriteriaCondition.startsWith(Element.of("searchWords", word)));
        }
        if (search.city() != null) {
            where.add(CriteriaCondition.eq("cityKey", search.city()));
        }
        if (search.from() != null) {
            where.add(CriteriaCondition.gte(STARTS_AT, Date.from(search.from())));
        }
        if (search.to() != null) {
            where.add(CriteriaCondition.lte(STARTS_AT, Date.from(search.to())));
        }
        if (search.minPrice() != null) {
            where.add(CriteriaCondition.gte("price", new Decimal128(search.minPrice())));
        }
        if (search.maxPrice() != null) {
            where.add(CriteriaCondition.lte("price", new Decimal128(search.maxPrice())));
        }
        SearchOrder order = SearchOrder.of(search.order());
        if (search.after() != null) {
            where.add(order.after(search.after()));
        }
        SelectQuery query =
                SelectQuery.builder()
                        .from(COLLECTION)
                        .where(CriteriaCondition.and(where.toArray(CriteriaCondition[]::new)))
                        .sort(order.sorts().toArray(Sort[]::new))
                        .limit(max)
                        .build();
        return template.<TicketDocument>select(query).map(TicketDocument::toTicket).toList();
    }

    private static final String STARTS_AT = "event.startsAt";

    /** A search order as stored fields: what it sorts by, and how a page continues after one. */
    private record SearchOrder(String field, boolean descending, Function<String, Object> key) {
        static SearchOrder of(TicketSearch.SortOrder order) {
            return switch (order) {
                case NEWEST -> new SearchOrder("listedAt", true, k -> Date.from(Instant.parse(k)));
                case CHEAPEST ->
                        new SearchOrder("price", false, k -> new Decimal128(new BigDecimal(k)));
                case SOONEST -> new SearchOrder(STARTS_AT, false, k -> Date.from(Instant.parse(k)));
            };
        }

        List<Sort<?>> sorts() {
            return descending
                    ? List.of(Sort.desc(field), Sort.desc("_id"))
                    : List.of(Sort.asc(field), Sort.asc("_id"));
        }

        /** Strictly after the position in this order: (value, id) beyond (key, id). */
        CriteriaCondition after(TicketSearch.Position position) {
            Object value = key.apply(position.key());
            CriteriaCondition beyondValue =
                    descending
                            ? CriteriaCondition.lt(field, value)
                            : CriteriaCondition.gt(field, value);
            CriteriaCondition beyondId =
                    descending
                            ? CriteriaCondition.lt("_id", position.id())
                            : CriteriaCondition.gt("_id", position.id());
            return CriteriaCondition.or(
                    beyondValue,
                    CriteriaCondition.and(CriteriaCondition.eq(field, value), beyondId));
        }
    }

    /** Every listing of one seller, in any state, newest first. */
    @Override
    public List<Ticket> listBySeller(String sellerId, int offset, int limit) {
        SelectQuery mine =
                SelectQuery.builder()
                        .from(COLLECTION)
                        .where(CriteriaCondition.eq("userId", sellerId))
                        .sort(Sort.desc("listedAt"), Sort.desc("_id"))
                        .skip(offset)
                        .limit(limit)
                        .build();
        return template.<TicketDocument>select(mine).map(TicketDocument::toTicket).toList();
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
        changes.add(Updates.set("event", ListingFields.of(after.event())));
        changes.add(Updates.set("seat", ListingFields.of(after.seat())));
        changes.add(Updates.set("userId", after.userId()));
        changes.add(Updates.set("orderId", after.orderId()));
        changes.add(Updates.set("soldAt", TicketDocument.dateOf(after.soldAt())));
        changes.add(Updates.set("withdrawnAt", TicketDocument.dateOf(after.withdrawnAt())));
        changes.add(Updates.set("buyerId", after.buyerId()));
        changes.add(Updates.set("searchWords", SearchWords.of(after)));
        changes.add(Updates.set("cityKey", SearchWords.city(after)));
        changes.add(Updates.set("version", after.version()));
        // The write is conditional on the version and on every order entry it changes being as
        // read: remembering an order (a cancellation that overtook its order.created) changes no
        // version, so without the second condition a reservation decided on the same read could
        // still land and overwrite that memory, and the cancelled order would hold the ticket.
        List<Bson> unchanged = new ArrayList<>();
        unchanged.add(Filters.eq("_id", before.id()));
        unchanged.add(Filters.eq("version", before.version()));
        after.orderEvents()
                .forEach(
                        (order, version) -> {
                            Long was = before.orderEvents().get(order);
                            if (!Objects.equals(was, version)) {
                                changes.add(Updates.set("orderEvents." + order, version));
                                unchanged.add(
                                        was == null
                                                ? Filters.exists("orderEvents." + order, false)
                                                : Filters.eq("orderEvents." + order, was));
                            }
                        });
        if (!events.isEmpty()) {
            changes.add(Outbox.append(events.stream().map(outbox::pending).toList()));
        }
        return tickets.updateOne(Filters.and(unchanged), Updates.combine(changes))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public boolean attachFile(Ticket before, Ticket after) {
        Bson sameFile =
                before.file() == null
                        ? Filters.eq("file", null)
                        : Filters.eq("file.fileId", before.file().id());
        return tickets.updateOne(
                                Filters.and(
                                        Filters.eq("_id", before.id()),
                                        Filters.eq("soldAt", null),
                                        Filters.eq("withdrawnAt", null),
                                        sameFile),
                                Updates.set(
                                        "file",
                                        TicketDocument.AttachedFile.of(after.file()).toBson()))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public void relayEvents(String ticketId) {
        outbox.relay(tickets, ticketId);
    }
}
