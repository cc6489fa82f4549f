package dev.ticketing.auth.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.ticketing.auth.domain.RevokedSessions;
import dev.ticketing.common.events.SessionRevoked;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.Outbox;
import dev.ticketing.store.outbox.OutboxCollection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * One document per revoked session token, keyed by its {@code sid} (session id), written together
 * with its session.revoked event (the outbox: a crash after the write still tells the other
 * services). Documents go once the token would have expired anyway (a TTL index where the store has
 * them).
 */
@ApplicationScoped
public class DocumentRevokedSessions implements RevokedSessions, OutboxCollection {
    static final String COLLECTION = "revoked_sessions";

    @Inject MongoStore store;

    @Inject EventOutbox outbox;

    private MongoCollection<Document> revoked;

    @PostConstruct
    void open() {
        revoked = store.collection(COLLECTION);
        revoked.createIndex(
                Indexes.ascending("expiresAt"),
                new IndexOptions().name("gone_when_expired").expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public String aggregate() {
        return "session";
    }

    @Override
    public MongoCollection<Document> collection() {
        return revoked;
    }

    @Override
    public void revoke(String sessionId, String userId, Instant expiresAt) {
        Document revocation =
                Outbox.with(
                        new Document("_id", sessionId)
                                .append("userId", userId)
                                .append("expiresAt", Date.from(expiresAt))
                                .append("revokedAt", new Date()),
                        List.of(outbox.pending(new SessionRevoked(sessionId, expiresAt))));
        if (!MongoStore.insertIfAbsent(() -> revoked.insertOne(revocation))) {
            return; // signed out twice: revoked already, and its event is on its way
        }
        outbox.relay(revoked, sessionId);
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return sessionId != null && revoked.find(Filters.eq("_id", sessionId)).first() != null;
    }
}
