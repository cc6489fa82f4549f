package dev.ticketing.catalog.store;

import static dev.ticketing.catalog.store.SalePayoutDocument.decimal;

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
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.Element;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The payouts' copies, catalog-service's {@link SalePayouts}: one document per sale in {@value
 * #COLLECTION} ({@code _id} the order id), mapped by Jakarta NoSQL ({@link SalePayoutDocument}).
 * Reads and first inserts go through its template, the insert decided by the unique id. The driver
 * makes only the two conditional updates JNoSQL's template cannot express: fill in what a copy
 * lacks, and move only a pending copy to a final status.
 */
@ApplicationScoped
public class SalePayoutStore implements SalePayouts {
    public static final String COLLECTION = "payouts";
    static final String STATUS = "status";
    static final String RELEASE_AT = "releaseAt";

    @Inject MongoStore store;

    @Inject DocumentTemplate template;

    private MongoCollection<Document> payouts;

    @PostConstruct
    void open() {
        payouts = store.collection(COLLECTION);
    }

    @Override
    public boolean owed(SalePayout p) {
        if (MongoStore.insertIfAbsent(() -> template.insert(SalePayoutDocument.of(p)))) {
            return true;
        }
        // A later event came first: fill in what it lacked, leaving its (final) status.
        // Driver: a conditional update (only while releaseAt is missing).
        return payouts.updateOne(
                                Filters.and(
                                        Filters.eq("_id", p.orderId()),
                                        Filters.or(
                                                Filters.exists(RELEASE_AT, false),
                                                Filters.eq(RELEASE_AT, null))),
                                Updates.combine(
                                        Updates.set("amount", decimal(p.amount())),
                                        Updates.set("fee", decimal(p.fee())),
                                        Updates.set("net", decimal(p.net())),
                                        Updates.set(RELEASE_AT, Date.from(p.releaseAt()))))
                        .getModifiedCount()
                == 1;
    }

    @Override
    public boolean paid(SalePayout p) {
        return finalStatus(p);
    }

    @Override
    public boolean cancelled(String orderId, String ticketId) {
        return finalStatus(
                new SalePayout(
                        orderId, ticketId, null, null, null, SalePayout.Status.CANCELLED, null));
    }

    /**
     * Moves a pending copy to the final copy's status (with the amounts it carries), or stores the
     * final copy when none exists; false when the stored copy is final already. Decided on what was
     * read, then written only if that still holds: payout.created arrives on another channel at the
     * same time, so a copy missing at one moment may be pending the next (then this decides again).
     * A final event carries no release date, so the creation's stays.
     */
    private boolean finalStatus(SalePayout copy) {
        String id = copy.orderId();
        List<Bson> sets = new ArrayList<>();
        sets.add(Updates.set("ticketId", copy.ticketId()));
        sets.add(Updates.set(STATUS, copy.status().wireName()));
        setIfPresent(sets, "amount", copy.amount());
        setIfPresent(sets, "fee", copy.fee());
        setIfPresent(sets, "net", copy.net());
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<SalePayoutDocument> current = template.find(SalePayoutDocument.class, id);
            if (current.isEmpty()) {
                if (MongoStore.insertIfAbsent(() -> template.insert(SalePayoutDocument.of(copy)))) {
                    return true;
                }
                continue; // stored by another event meanwhile: decide again
            }
            if (current.get().status() != SalePayout.Status.PENDING) {
                return false; // final already: that status, or the other one, is never undone
            }
            // Driver: a conditional update (only while the copy is still pending).
            long moved =
                    payouts.updateOne(
                                    Filters.and(
                                            Filters.eq("_id", id),
                                            Filters.eq(
                                                    STATUS, SalePayout.Status.PENDING.wireName())),
                                    Updates.combine(sets))
                            .getModifiedCount();
            if (moved == 1) {
                return true;
            }
            // made final by another event meanwhile: decide again
        }
        throw new IllegalStateException("payout copy " + id + " kept changing");
    }

    private static void setIfPresent(List<Bson> sets, String field, BigDecimal value) {
        if (value != null) {
            sets.add(Updates.set(field, decimal(value)));
        }
    }

    @Override
    public Map<String, SalePayout> ofOrders(Collection<String> orderIds) {
        Map<String, SalePayout> found = new HashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        SelectQuery ofTheseOrders =
                SelectQuery.builder()
                        .from(COLLECTION)
                        .where(CriteriaCondition.in(Element.of("_id", List.copyOf(orderIds))))
                        .build();
        template.<SalePayoutDocument>select(ofTheseOrders)
                .forEach(d -> found.put(d.id(), d.toPayout()));
        return found;
    }
}
