package dev.ticketing.auth.security;

import java.time.Instant;

/**
 * A signed session token and what it says: which session (claim {@code sid}, null in tokens issued
 * before sessions could be revoked), who (id, email), when issued, until when valid.
 */
public record SessionToken(
        String compact,
        String sessionId,
        String userId,
        String email,
        Instant issuedAt,
        Instant expiresAt) {

    /** Never prints the token itself: it is a bearer credential. */
    @Override
    public String toString() {
        return "SessionToken[userId="
                + userId
                + ", email="
                + email
                + ", issuedAt="
                + issuedAt
                + "]";
    }
}
