package dev.ticketing.order.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.order.application.TicketCopies;
import dev.ticketing.order.domain.TicketCopy;
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

/**
 * The ticket copies, order-service's {@link TicketCopies}. Replication sets only the catalog's
 * fields, filtered on the copy's version; the reservation ({@code reservedBy}, {@code reservedAt})
 * is written only by claim and release.
 */
@ApplicationScoped
public class TicketCopyStore implements TicketCopies {
    public static final String COLLECTION = "tickets";
    static final String RESERVED_AT = "reservedAt";

    @Inject MongoStore store;

    private MongoCollection<Document> tickets;

    @PostConstruct
    void open() {
        tickets = store.collection(COLLECTION);
        // Live claims only: a sold ticket's claim is closed (no reservedAt), so the sweep reads
        // what may need repair however many tickets were ever sold.
        tickets.createIndex(
                Indexes.ascending(RESERVED_AT, "_id"),
                new IndexOptions().name("live_claims_oldest_first").sparse(true));
    }

    public Optional<TicketCopy> find(String id) {
        return Optional.ofNullable(tickets.find(Filters.eq("_id", id)).first())
                .map(TicketCopyStore::toCopy);
    }

    /**
     * Stores the first version of a copy; false if a copy already exists (a redelivered
     * ticket.created).
     */
    public boolean insertFirst(TicketCopy copy) {
        return MongoStore.insertIfAbsent(
                () ->
                        tickets.insertOne(
                                new Document("_id", copy.id())
                                        .append("title", copy.title())
                                        .append("price", Decimals.of(copy.price()))
                                        .append("event", ListingFields.of(copy.event()))
                                        .append("seat", ListingFields.of(copy.seat()))
                                        .append("userId", copy.userId())
                                        .append("version", copy.version())
                                        .append("orderId", copy.orderId())
                                        .append("withdrawn", copy.withdrawn())
                                        .append("reservedBy", null)));
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
        return Optional.ofNullable(claimed).map(TicketCopyStore::toCopy);
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

    static TicketCopy toCopy(Document d) {
        return new TicketCopy(
                new Listing(
                        d.getString("_id"),
                        d.getString("title"),
                        Decimals.from(d.get("price")),
                        ListingFields.event(d.get("event", Document.class)),
                        ListingFields.seat(d.get("seat", Document.class)),
                        d.getString("userId")),
                ((Number) d.get("version")).longValue(),
                d.getString("orderId"),
                d.getString("reservedBy"),
                Boolean.TRUE.equals(d.getBoolean("withdrawn")));
    }
}
