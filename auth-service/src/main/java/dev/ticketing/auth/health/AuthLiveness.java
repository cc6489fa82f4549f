package dev.ticketing.auth.health;

import dev.ticketing.kit.health.ServiceLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application answers; nothing it depends on can make a restart help. */
@Liveness
@ApplicationScoped
public class AuthLiveness extends ServiceLiveness {

    @Override
    protected String service() {
        return "auth-service";
    }
}
