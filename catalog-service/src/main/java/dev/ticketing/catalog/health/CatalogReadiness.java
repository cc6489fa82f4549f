package dev.ticketing.catalog.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the application has started; later issues add the store to this check. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("catalog-service").up().build();
    }
}
