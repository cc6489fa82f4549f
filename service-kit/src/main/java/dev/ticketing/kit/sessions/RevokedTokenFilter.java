package dev.ticketing.kit.sessions;

import dev.ticketing.common.errors.Problems;
import jakarta.annotation.Priority;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a signed-out session's token (401 "Not authorized", as for any bad token) on every route
 * that took one: after Liberty's mpJwt has verified it and JAX-RS's role check has run, so the
 * caller's principal is the token. Registered by {@link SessionRevocationFeature} only where
 * revocation is on: a service without mpJwt (auth-service) never loads it.
 */
@Priority(Priorities.AUTHORIZATION + 100)
public class RevokedTokenFilter implements ContainerRequestFilter {

    private final RevokedTokens revoked;

    public RevokedTokenFilter(RevokedTokens revoked) {
        this.revoked = revoked;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!revoked.enabled() || request.getSecurityContext() == null) {
            return;
        }
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller instanceof JsonWebToken token && revoked.isRevoked(sessionId(token))) {
            request.abortWith(Problems.notAuthorized());
        }
    }

    /**
     * The token's session id (claim sid, auth-service's SessionTokens), whichever form mpJwt gives
     * it in.
     */
    private static String sessionId(JsonWebToken token) {
        Object claim = token.getClaim("sid");
        return claim instanceof JsonString text
                ? text.getString()
                : claim == null ? null : claim.toString();
    }
}
