package dev.ticketing.catalog.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.catalog.application.SalePayouts;
import dev.ticketing.catalog.domain.SalePayout;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The payouts' copies, one document per sale in {@value #COLLECTION} ({@code _id} the order id).
 * Through the driver: each change is an insert that the unique id decides, or a conditional update
 * (fill in only what is missing, move only a pending copy to a final status), which JNoSQL's
 * templates cannot express.
 */
@ApplicationScoped
public class SalePayoutStore implements SalePayouts {
    public static final String COLLECTION = "payouts";

    @Inject MongoStore store;

    private MongoCollection<Document> payouts;

    @PostConstruct
    void open() {
        payouts = store.collection(COLLECTION);
    }

    @Override
    public boolean owed(SalePayout p) {
        Document full =
                new Document("_id", p.orderId())
                        .append("ticketId", p.ticketId())
                        .append("amount", decimal(p.amount()))
                        .append("fee", decimal(p.fee()))
                        .append("net", decimal(p.net()))
                        .append("releaseAt", Date.from(p.releaseAt()))
                        .append("status", SalePayout.Status.PENDING.wireName());
        if (MongoStore.insertIfAbsent(() -> payouts.insertOne(full))) {
            return true;
        }
        // A later event came first: fill in what it lacked, leaving its (final) status.
        return payouts.updateOne(
                                Filters.and(
                                        Filters.eq("_id", p.orderId()),
                                        Filters.or(
                                                Filters.exists("releaseAt", false),
                                                Filters.eq("releaseAt", null))),
                                Updates.combine(
                                        Updates.set("amount", decimal(p.amount())),
                                        Updates.set("fee", decimal(p.fee())),
                                        Updates.set("net", decimal(p.net())),
                                        Updates.set("releaseAt", Date.from(p.releaseAt()))))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public boolean paid(SalePayout p) {
        return finalStatus(
                new Document("_id", p.orderId())
                        .append("ticketId", p.ticketId())
                        .append("amount", decimal(p.amount()))
                        .append("fee", decimal(p.fee()))
                        .append("net", decimal(p.net()))
                        .append("status", SalePayout.Status.PAID.wireName()));
    }

    @Override
    public boolean cancelled(String orderId, String ticketId) {
        return finalStatus(
                new Document("_id", orderId)
                        .append("ticketId", ticketId)
                        .append("status", SalePayout.Status.CANCELLED.wireName()));
    }

    /**
     * Moves a pending copy to {@code copy}'s final status (with the amounts it names), or stores it
     * when none exists; false when the copy is final already. Decided on what was read, then
     * written only if that still holds: payout.created arrives on another channel at the same time,
     * so a copy missing at one moment may be pending the next (then this decides again).
     */
    private boolean finalStatus(Document copy) {
        String id = copy.getString("_id");
        List<Bson> sets = new ArrayList<>();
        copy.forEach(
                (field, value) -> {
                    if (!"_id".equals(field) && value != null) {
                        sets.add(Updates.set(field, value));
                    }
                });
        for (int attempt = 0; attempt < 5; attempt++) {
            Document current = payouts.find(Filters.eq("_id", id)).first();
            if (current == null) {
                if (MongoStore.insertIfAbsent(() -> payouts.insertOne(copy))) {
                    return true;
                }
                continue; // stored by another event meanwhile: decide again
            }
            if (!SalePayout.Status.PENDING.wireName().equals(current.getString("status"))) {
                return false; // final already: that status, or the other one, is never undone
            }
            long moved =
                    payouts.updateOne(
                                    Filters.and(
                                            Filters.eq("_id", id),
                                            Filters.eq(
                                                    "status",
                                                    SalePayout.Status.PENDING.wireName())),
                                    Updates.combine(sets))
                            .getModifiedCount();
            if (moved == 1) {
                return true;
            }
            // made final by another event meanwhile: decide again
        }
        throw new IllegalStateException("payout copy " + id + " kept changing");
    }

    @Override
    public Map<String, SalePayout> ofOrders(Collection<String> orderIds) {
        Map<String, SalePayout> found = new HashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        for (Document d : payouts.find(Filters.in("_id", orderIds)).into(new ArrayList<>())) {
            found.put(d.getString("_id"), toPayout(d));
        }
        return found;
    }

    private static SalePayout toPayout(Document d) {
        return new SalePayout(
                d.getString("_id"),
                d.getString("ticketId"),
                amount(d.get("amount")),
                amount(d.get("fee")),
                amount(d.get("net")),
                SalePayout.Status.of(d.getString("status")),
                d.getDate("releaseAt") == null ? null : d.getDate("releaseAt").toInstant());
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal amount(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : null;
    }
}
