package dev.ticketing.kit.sessions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.SessionRevoked;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevokedTokensTest {

    @Test
    void aRevokedTokenIsRefusedUntilItWouldHaveExpired() {
        RevokedTokens tokens = new RevokedTokens();
        tokens.enabled = true;
        tokens.revoked(new SessionRevoked("sid-1", Instant.now().plus(Duration.ofHours(8))));
        tokens.revoked(new SessionRevoked("sid-old", Instant.now().minus(Duration.ofMinutes(1))));
        assertTrue(tokens.isRevoked("sid-1"));
        assertFalse(tokens.isRevoked("sid-2"));
        assertFalse(
                tokens.isRevoked("sid-old"),
                "an expired token is refused for expiring, not remembered");
        assertFalse(
                tokens.isRevoked(null),
                "a token without sid (issued before revocation) is judged by exp alone");
    }

    @Test
    void notCaughtUpUntilTheStreamWasReadUnlessRevocationsAreOff() {
        RevokedTokens tokens = new RevokedTokens();
        assertTrue(tokens.caughtUp(), "off: nothing to wait for");
        tokens.enabled = true;
        assertFalse(tokens.caughtUp());
    }
}
