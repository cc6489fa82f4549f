package dev.ticketing.auth.store;

import dev.ticketing.store.outbox.OutboxDocument;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.Date;

/**
 * The stored form of a revoked session, mapped by Jakarta NoSQL: its id the token's {@code sid},
 * with its session.revoked event in the same document's outbox. {@code expiresAt} is a BSON date,
 * which the collection's TTL index reads.
 */
@Entity(DocumentRevokedSessions.COLLECTION)
public class RevokedSessionDocument extends OutboxDocument {

    @Id private String sessionId;

    @Column private String userId;

    @Column(DocumentRevokedSessions.EXPIRES_AT)
    private Date expiresAt;

    @Column private Date revokedAt;

    public RevokedSessionDocument() {}

    RevokedSessionDocument(String sessionId, String userId, Instant expiresAt, Instant revokedAt) {
        this.sessionId = sessionId;
        this.userId = userId;
        this.expiresAt = Date.from(expiresAt);
        this.revokedAt = Date.from(revokedAt);
    }
}
