package dev.ticketing.auth.health;

import dev.ticketing.auth.store.StorePing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the account store answers: without it nobody can sign up or in. */
@Readiness
@ApplicationScoped
public class AuthReadiness implements HealthCheck {

    @Inject StorePing store;

    @Override
    public HealthCheckResponse call() {
        boolean up = store.reachable();
        return HealthCheckResponse.named("auth-service")
                .status(up)
                .withData("store", up ? "UP" : "DOWN")
                .build();
    }
}
