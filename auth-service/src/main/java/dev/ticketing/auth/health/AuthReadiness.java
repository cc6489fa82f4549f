package dev.ticketing.auth.health;

import dev.ticketing.auth.security.PublishedKeys;
import dev.ticketing.kit.health.ServiceReadiness;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the account store answers a ping within 2 s: without it nobody can sign up or in; and
 * once the key set the other services verify sessions with has been served ({@link PublishedKeys}:
 * Liberty builds it on the first request, which must come alone). NATS is not a dependency: only
 * signing out publishes, and its event waits in the outbox.
 */
@Readiness
@ApplicationScoped
public class AuthReadiness extends ServiceReadiness {
    @Inject MongoStore store;

    @Inject PublishedKeys keys;

    @Override
    protected String service() {
        return "auth-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        return Map.of("store", store::ping, "signing-keys", keys::published);
    }
}
