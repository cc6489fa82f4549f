package dev.ticketing.order.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.ticketing.order.application.TicketCopies;
import dev.ticketing.order.domain.TicketCopy;
import dev.ticketing.store.mongo.DriverResults;
import dev.ticketing.store.mongo.Keyset;
import dev.ticketing.store.mongo.ListingFields;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The ticket copies, order-service's {@link TicketCopies}, mapped by Jakarta NoSQL ({@link
 * TicketCopyDocument}): reads and the first insert go through its template. The driver makes only
 * the conditional writes, which JNoSQL 1.1 cannot express: replication sets only the catalog's
 * fields, filtered on the copy's version; the reservation ({@code reservedBy}, {@code reservedAt})
 * is written only by claim, release and closing; the sweep pages through live claims by the last
 * one it saw ({@link Keyset}).
 */
@ApplicationScoped
public class TicketCopyStore implements TicketCopies {
    public static final String COLLECTION = "tickets";
    static final String RESERVED_AT = "reservedAt";

    @Inject MongoStore store;

    @Inject DocumentTemplate template;

    @Inject DriverResults results;

    private MongoCollection<Document> tickets;

    @PostConstruct
    void open() {
        tickets = store.collection(COLLECTION);
        // Claims by age. The sweep asks for a range of dates, and a copy with no live claim
        // (never claimed, released, or sold and closed: reservedAt null or absent) sorts before
        // every date, so it reads only what may need repair however many tickets were ever sold.
        // (Sparse does not narrow a compound index that holds _id; the option stays because a
        // store refuses an index recreated under its name with other options.)
        tickets.createIndex(
                Indexes.ascending(RESERVED_AT, "_id"),
                new IndexOptions().name("live_claims_oldest_first").sparse(true));
    }

    public Optional<TicketCopy> find(String id) {
        return template.find(TicketCopyDocument.class, id).map(TicketCopyDocument::toCopy);
    }

    /**
     * Stores the first version of a copy; false if a copy already exists (a redelivered
     * ticket.created).
     */
    public boolean insertFirst(TicketCopy copy) {
        return MongoStore.insertIfAbsent(() -> template.insert(TicketCopyDocument.of(copy)));
    }

    /**
     * Applies the catalog's version {@code next}, field by field, only if the copy is older
     * (VersionOrder's rule as the write's condition): the local reservation is never overwritten by
     * replication.
     */
    @Override
    public boolean replicateIfNewer(TicketCopy next) {
        return tickets.updateOne(
                                Filters.and(
                                        Filters.eq("_id", next.id()),
                                        Filters.lt("version", next.version())),
                                Updates.combine(
                                        Updates.set("title", next.title()),
                                        Updates.set("price", Decimals.of(next.price())),
                                        Updates.set("event", ListingFields.of(next.event())),
                                        Updates.set("seat", ListingFields.of(next.seat())),
                                        Updates.set("userId", next.userId()),
                                        Updates.set("orderId", next.orderId()),
                                        Updates.set("withdrawn", next.withdrawn()),
                                        Updates.set("version", next.version())))
                        .getModifiedCount()
                == 1;
    }

    /**
     * THE reservation: one conditional write, "reservedBy = order where id = ticket and reservedBy
     * is null". Of any number of concurrent claims for a free ticket the store lets exactly one
     * match. A withdrawn copy is never claimed: a claim racing the withdrawal's replication either
     * lands first (and the withdrawal then cancels its order) or fails.
     *
     * @return the claimed copy, or empty when the ticket is unknown, already held or withdrawn
     */
    public Optional<TicketCopy> claim(String ticketId, String orderId, Instant now) {
        Document claimed =
                tickets.findOneAndUpdate(
                        Filters.and(
                                Filters.eq("_id", ticketId),
                                Filters.eq("reservedBy", null),
                                Filters.ne("withdrawn", true)),
                        Updates.combine(
                                Updates.set("reservedBy", orderId),
                                Updates.set("reservedAt", Date.from(now))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed)
                .map(d -> results.toEntity(TicketCopyDocument.class, COLLECTION, d).toCopy());
    }

    /**
     * Lets the ticket go, only if {@code orderId} holds it (a stale release never frees a newer
     * hold).
     */
    public boolean release(String ticketId, String orderId) {
        return tickets.updateOne(
                                Filters.and(
                                        Filters.eq("_id", ticketId),
                                        Filters.eq("reservedBy", orderId)),
                                Updates.combine(
                                        Updates.set("reservedBy", null),
                                        Updates.unset(RESERVED_AT)))
                        .getModifiedCount()
                == 1;
    }

    /**
     * Closes the claim of a sold ticket: it stays held by {@code orderId} for good, and is no
     * longer a live claim the sweep reads. Only if that order holds it.
     */
    public boolean closeClaim(String ticketId, String orderId) {
        return tickets.updateOne(
                                Filters.and(
                                        Filters.eq("_id", ticketId),
                                        Filters.eq("reservedBy", orderId),
                                        Filters.exists(RESERVED_AT)),
                                Updates.unset(RESERVED_AT))
                        .getModifiedCount()
                == 1;
    }

    /**
     * Live claims made before {@code before}, oldest first, at most {@code max} of them after the
     * claim {@code after} (null: from the oldest): the sweep pages through them with the last one
     * it saw, so every claim is looked at, however many there are.
     */
    public List<Claim> claimsOlderThan(Instant before, Claim after, int max) {
        Bson older = Filters.lt(RESERVED_AT, Date.from(before));
        Bson page =
                after == null
                        ? older
                        : Filters.and(
                                older,
                                Keyset.after(RESERVED_AT, after.reservedAt(), after.ticketId()));
        List<Claim> claims = new ArrayList<>();
        tickets.find(Filters.and(Filters.ne("reservedBy", null), page))
                .sort(Keyset.order(RESERVED_AT))
                .projection(Projections.include("_id", "reservedBy", RESERVED_AT))
                .limit(max)
                .forEach(
                        d ->
                                claims.add(
                                        new Claim(
                                                d.getString("_id"),
                                                d.getString("reservedBy"),
                                                d.getDate(RESERVED_AT))));
        return claims;
    }
}
