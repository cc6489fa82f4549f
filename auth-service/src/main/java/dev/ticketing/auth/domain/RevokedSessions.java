package dev.ticketing.auth.domain;

import java.time.Instant;

/**
 * The sessions signed out before their token expired (the store package supplies it). Revoking one
 * also tells every other service, which then refuses that token (docs/api.md, "Sessions").
 */
public interface RevokedSessions {

    /**
     * Revokes the token {@code sid} (session id) of {@code userId} until {@code expiresAt};
     * revoking it again changes nothing.
     */
    void revoke(String sessionId, String userId, Instant expiresAt);

    boolean isRevoked(String sessionId);
}
