package dev.ticketing.kit.health;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Liveness under the service's name: DOWN only when something in this process stopped for good and
 * a restart would help; an unreachable dependency is readiness's business, never this. A service
 * extends it by naming itself (annotate the subclass {@code @Liveness @ApplicationScoped}); {@link
 * ConsumerLiveness} adds the incoming channels.
 */
public abstract class ServiceLiveness implements HealthCheck {

    /** The check's name: the service's. */
    protected abstract String service();

    /** What could stop for good, by name: null when it runs, else why it stopped. */
    protected Map<String, String> stopped() {
        return Map.of();
    }

    /** What runs, by name, with a word on what it is doing (only for the check's data). */
    protected Map<String, String> running() {
        return Map.of();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(service());
        running().forEach((name, state) -> response.withData(name, "UP: " + state));
        Map<String, String> stopped = stopped();
        stopped.forEach((name, why) -> response.withData(name, "DOWN: " + why));
        return response.status(stopped.isEmpty()).build();
    }
}
