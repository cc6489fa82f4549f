package dev.ticketing.auth.health;

import dev.ticketing.auth.store.StorePing;
import dev.ticketing.kit.health.ServiceReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the account store answers: without it nobody can sign up or in. */
@Readiness
@ApplicationScoped
public class AuthReadiness extends ServiceReadiness {

    @Inject StorePing store;

    @Override
    protected String service() {
        return "auth-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        return Map.of("store", store::reachable);
    }
}
