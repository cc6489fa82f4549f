package dev.ticketing.kit.sessions;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds {@link RevokedTokenFilter} to a service's REST application when {@code
 * ticketing.sessions.revocable=true}. A feature rather than a provider of its own because the
 * filter needs MicroProfile JWT's types, which only services with mpJwt have: auth-service, which
 * reads its own tokens, shares this kit without that feature.
 */
@Provider
public class SessionRevocationFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        RevokedTokens revoked = CDI.current().select(RevokedTokens.class).get();
        if (!revoked.enabled()) {
            return false;
        }
        context.register(new RevokedTokenFilter(revoked), Priorities.AUTHORIZATION + 100);
        return true;
    }
}
