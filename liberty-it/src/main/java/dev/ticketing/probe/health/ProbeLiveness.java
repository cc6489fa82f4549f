package dev.ticketing.probe.health;

import dev.ticketing.kit.health.ConsumerLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/**
 * The service kit's liveness, as every consuming service has it: DOWN when a channel stopped
 * consuming.
 */
@Liveness
@ApplicationScoped
public class ProbeLiveness extends ConsumerLiveness {
    @Override
    protected String service() {
        return "liberty-it";
    }
}
