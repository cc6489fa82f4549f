package dev.ticketing.kit.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until this replica has read the session revocations that were on the stream when it
 * started: before that, it could let a signed-out token through. Always UP where sessions are not
 * checked here.
 */
@Readiness
@ApplicationScoped
public class RevocationsReadiness implements HealthCheck {

    @Inject RevokedTokens revoked;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("session-revocations").status(revoked.caughtUp()).build();
    }
}
