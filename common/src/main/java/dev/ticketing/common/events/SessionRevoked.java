package dev.ticketing.common.events;

import java.time.Instant;

/**
 * {@code session.revoked}: the session token with this {@code sid} (session id) was signed out;
 * every service refuses it from now until {@code expiresAt}, when it would have expired anyway.
 */
public record SessionRevoked(String sessionId, Instant expiresAt) implements EventPayload {}
