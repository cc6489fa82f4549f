package dev.ticketing.auth.security;

import com.ibm.websphere.security.jwt.Claims;
import com.ibm.websphere.security.jwt.InvalidBuilderException;
import com.ibm.websphere.security.jwt.InvalidClaimException;
import com.ibm.websphere.security.jwt.InvalidConsumerException;
import com.ibm.websphere.security.jwt.InvalidTokenException;
import com.ibm.websphere.security.jwt.JwtBuilder;
import com.ibm.websphere.security.jwt.JwtConsumer;
import com.ibm.websphere.security.jwt.JwtException;
import com.ibm.websphere.security.jwt.JwtToken;
import dev.ticketing.auth.domain.Account;
import dev.ticketing.auth.domain.RevokedSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and reads session tokens through Liberty's jwt-1.0: the {@code jwtBuilder} signs RS256
 * with the keystore key (whose public half Liberty serves as JWKS), and the {@code jwtConsumer}
 * checks signature, algorithm, issuer, audience and expiry the same way every other service's mpJwt
 * does. Issuer, audience, expiry and keys are server configuration (fragments/jwt-build.xml).
 */
@ApplicationScoped
public class SessionTokens {
    private static final Logger LOG = Logger.getLogger(SessionTokens.class.getName());

    /**
     * The one role every signed-in user has; services protect routes with
     * {@code @RolesAllowed("user")}.
     */
    public static final String USER_GROUP = "user";

    /**
     * The claim naming the session (OpenID Connect's {@code sid}), which sign-out revokes. Not
     * {@code jti}: Liberty's jwtConsumer refuses a second read of a token with a jti (token reuse
     * is off and cannot be configured on it), and a session token is read on every request.
     */
    public static final String SESSION_ID = "sid";

    @Inject
    @ConfigProperty(name = "jwt.builder.id", defaultValue = "ticketing")
    String builderId;

    @Inject
    @ConfigProperty(name = "jwt.consumer.id", defaultValue = "ticketingSessions")
    String consumerId;

    @Inject RevokedSessions revoked;

    /**
     * A new signed token for this account: sid (the session id, as in OpenID Connect), sub = id,
     * upn = email, groups = ["user"], iat, exp.
     */
    public SessionToken issue(Account account) {
        try {
            JwtToken jwt =
                    JwtBuilder.create(builderId)
                            .claim(SESSION_ID, UUID.randomUUID().toString())
                            .subject(account.id())
                            .claim("upn", account.email())
                            .claim("groups", List.of(USER_GROUP))
                            .buildJwt();
            return toSession(jwt);
        } catch (InvalidBuilderException | InvalidClaimException | JwtException e) {
            // A configuration problem (missing builder or key), not the caller's: a 500 with the
            // cause logged.
            throw new IllegalStateException(
                    "Could not sign a session token with jwtBuilder " + builderId, e);
        }
    }

    /** The session this token proves, unless it was signed out: what currentuser answers. */
    public Optional<SessionToken> current(String compact) {
        return read(compact).filter(session -> !revoked.isRevoked(session.sessionId()));
    }

    /**
     * Signs out the session this token proves, if it is a valid one: it is revoked until it would
     * have expired, and every service learns so (session.revoked). Anything else changes nothing.
     */
    public void signOut(String compact) {
        read(compact)
                .filter(session -> session.sessionId() != null)
                .ifPresent(
                        session ->
                                revoked.revoke(
                                        session.sessionId(),
                                        session.userId(),
                                        session.expiresAt()));
    }

    /** The session this token proves, or empty for anything that fails a check (never an error). */
    public Optional<SessionToken> read(String compact) {
        if (compact == null || compact.isBlank()) {
            return Optional.empty();
        }
        try {
            JwtToken jwt = JwtConsumer.create(consumerId).createJwt(compact);
            SessionToken session = toSession(jwt);
            return session.userId() == null || session.email() == null
                    ? Optional.empty()
                    : Optional.of(session);
        } catch (InvalidTokenException | InvalidConsumerException | RuntimeException e) {
            // Routine (expired, forged, garbage): FINE, and without the message, which quotes the
            // token.
            LOG.log(Level.FINE, "Session token rejected: {0}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static SessionToken toSession(JwtToken jwt) {
        Claims claims = jwt.getClaims();
        Object upn = claims.get("upn");
        Object sessionId = claims.get(SESSION_ID);
        return new SessionToken(
                jwt.compact(),
                sessionId == null ? null : sessionId.toString(),
                claims.getSubject(),
                upn == null ? null : upn.toString(),
                Instant.ofEpochSecond(claims.getIssuedAt()),
                Instant.ofEpochSecond(claims.getExpiration()));
    }
}
