package dev.ticketing.auth.health;

import dev.ticketing.kit.health.ServiceReadiness;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the account store answers a ping within 2 s: without it nobody can sign up or in.
 * NATS is not a dependency: only signing out publishes, and its event waits in the outbox.
 */
@Readiness
@ApplicationScoped
public class AuthReadiness extends ServiceReadiness {
    @Inject MongoStore store;

    @Override
    protected String service() {
        return "auth-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        return Map.of("store", store::ping);
    }
}
