package dev.ticketing.kit.health;

import dev.ticketing.kit.sessions.RevokedTokens;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness under the service's name: UP while every dependency its requests and handlers need
 * answers, each reported as {@code UP} or {@code DOWN} in the check's data. A service extends it by
 * naming itself and its dependencies (annotate the subclass {@code @Readiness @ApplicationScoped}).
 * Where the service refuses signed-out tokens, {@code session-revocations} is one more: DOWN until
 * this replica has read the revocations that were on the stream when it started (before that, it
 * could let a signed-out token through).
 */
public abstract class ServiceReadiness implements HealthCheck {
    static final String SESSION_REVOCATIONS = "session-revocations";

    @Inject RevokedTokens revocations;

    /** The check's name: the service's. */
    protected abstract String service();

    /**
     * Each dependency by the name the check's data gives it, and how to tell it answers (quickly).
     */
    protected abstract Map<String, BooleanSupplier> dependencies();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(service());
        boolean up = true;
        Map<String, BooleanSupplier> dependencies = new LinkedHashMap<>(dependencies());
        if (revocations != null && revocations.enabled()) {
            dependencies.put(SESSION_REVOCATIONS, revocations::caughtUp);
        }
        for (Map.Entry<String, BooleanSupplier> dependency : dependencies.entrySet()) {
            boolean answers = answers(dependency.getValue());
            response.withData(dependency.getKey(), answers ? "UP" : "DOWN");
            up &= answers;
        }
        return response.status(up).build();
    }

    private static boolean answers(BooleanSupplier dependency) {
        try {
            return dependency.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
