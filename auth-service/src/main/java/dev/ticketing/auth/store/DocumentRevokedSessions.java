package dev.ticketing.auth.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.ticketing.auth.domain.RevokedSessions;
import dev.ticketing.common.events.SessionRevoked;
import dev.ticketing.store.mongo.MongoStore;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.OutboxCollection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * One document per revoked session token, keyed by its {@code sid} (session id), written together
 * with its session.revoked event (the outbox: a crash after the write still tells the other
 * services), mapped by Jakarta NoSQL ({@link RevokedSessionDocument}): the insert and the read go
 * through its template. Documents go once the token would have expired anyway (a TTL index where
 * the store has them; the driver's, as JNoSQL declares no indexes).
 */
@ApplicationScoped
public class DocumentRevokedSessions implements RevokedSessions, OutboxCollection {
    static final String COLLECTION = "revoked_sessions";
    static final String EXPIRES_AT = "expiresAt";

    @Inject MongoStore store;

    @Inject EventOutbox outbox;

    @Inject Template template;

    private MongoCollection<Document> revoked;

    @PostConstruct
    void open() {
        revoked = store.collection(COLLECTION);
        revoked.createIndex(
                Indexes.ascending(EXPIRES_AT),
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
        RevokedSessionDocument revocation =
                new RevokedSessionDocument(sessionId, userId, expiresAt, Instant.now());
        revocation.holdEvents(List.of(outbox.pending(new SessionRevoked(sessionId, expiresAt))));
        if (!MongoStore.insertIfAbsent(() -> template.insert(revocation))) {
            return; // signed out twice: revoked already, and its event is on its way
        }
        outbox.relay(revoked, sessionId);
    }

    @Override
    public boolean isRevoked(String sessionId) {
        return sessionId != null
                && template.find(RevokedSessionDocument.class, sessionId).isPresent();
    }
}
