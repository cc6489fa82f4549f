package dev.ticketing.storefront.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Alive and ready while the application answers: one check for both.
 *
 * <p>Alive: nothing the storefront depends on can make a restart help.
 *
 * <p>Ready once the application has started. The storefront keeps no state of its own, and it does
 * not follow the APIs it calls: were it to go unready with them, the Route would answer a bare 503
 * instead of the page saying the marketplace cannot be reached right now, and one API's outage
 * would take every storefront replica out of service. Each API's own readiness says whether it is
 * up.
 */
@Liveness
@Readiness
@ApplicationScoped
public class StorefrontHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ui-faces").up().build();
    }
}
