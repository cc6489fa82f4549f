package dev.ticketing.payment.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.ticketing.payment.checkout.PaymentAttempts;
import dev.ticketing.payment.domain.PaymentAttempt;
import dev.ticketing.payment.domain.PaymentAttempt.State;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.mongo.Queries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.jnosql.communication.semistructured.CriteriaCondition;
import org.eclipse.jnosql.communication.semistructured.SelectQuery;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The payment attempts, one document per idempotency key: checkout's {@link PaymentAttempts}. Each
 * step is one write, made before (PENDING) or right after (CHARGED, DECLINED, RECORDED,
 * REFUND_OWED, REFUNDED) the gateway call it concerns; the reconciler reads the unfinished ones
 * through an index on (state, updatedAt). Mapped by Jakarta NoSQL ({@link PaymentAttemptDocument}):
 * reads and the insert go through its template, the conditional move through the driver.
 */
@ApplicationScoped
public class PaymentAttemptStore implements PaymentAttempts {
    public static final String COLLECTION = "attempts";
    private static final List<String> UNFINISHED =
            List.of(State.PENDING.name(), State.CHARGED.name(), State.REFUND_OWED.name());

    @Inject MongoStore store;

    @Inject DocumentTemplate template;

    private MongoCollection<Document> attempts;

    @PostConstruct
    void open() {
        attempts = store.collection(COLLECTION);
        attempts.createIndex(
                Indexes.ascending("state", "updatedAt"),
                new IndexOptions().name("unfinished_oldest_first"));
    }

    /**
     * Writes a new attempt (PENDING) unless one with its key exists; the attempt as stored either
     * way (a retried request finds the first one, and its outcome if already known).
     */
    public PaymentAttempt begin(PaymentAttempt attempt) {
        if (MongoStore.insertIfAbsent(() -> template.insert(PaymentAttemptDocument.of(attempt)))) {
            return attempt;
        }
        return find(attempt.key())
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "attempt "
                                                + attempt.key()
                                                + " refused as a duplicate, yet not found"));
    }

    public Optional<PaymentAttempt> find(String key) {
        return template.find(PaymentAttemptDocument.class, key)
                .map(PaymentAttemptDocument::toAttempt);
    }

    /** The attempt that charged {@code chargeId}, if one did. */
    public Optional<PaymentAttempt> ofCharge(String chargeId) {
        return template.<PaymentAttemptDocument>singleResult(
                        Queries.any(COLLECTION, CriteriaCondition.eq("chargeId", chargeId)))
                .map(PaymentAttemptDocument::toAttempt);
    }

    /**
     * Moves the attempt to {@code state} (with what was learnt), only from a state before it
     * ({@link State#movesFrom}): a conditional update, which JNoSQL 1.1 cannot express, so the
     * driver makes it.
     */
    public void move(String key, State state, String chargeId, String outcome) {
        List<org.bson.conversions.Bson> changes = new ArrayList<>();
        changes.add(Updates.set("state", state.name()));
        changes.add(Updates.set("updatedAt", new Date()));
        if (chargeId != null) {
            changes.add(Updates.set("chargeId", chargeId));
        }
        if (outcome != null) {
            changes.add(Updates.set("outcome", outcome));
        }
        attempts.updateOne(
                Filters.and(
                        Filters.eq("_id", key),
                        Filters.in("state", state.movesFrom().stream().map(State::name).toList())),
                Updates.combine(changes));
    }

    /** Unfinished attempts not moved since {@code before}, oldest first: the reconciler's work. */
    public List<PaymentAttempt> unfinishedSince(Instant before, int max) {
        SelectQuery due =
                Queries.oldestFirst(
                        COLLECTION,
                        CriteriaCondition.and(
                                CriteriaCondition.in("state", UNFINISHED),
                                CriteriaCondition.lt("updatedAt", Date.from(before))),
                        "updatedAt",
                        max);
        return template.<PaymentAttemptDocument>select(due)
                .map(PaymentAttemptDocument::toAttempt)
                .toList();
    }
}
