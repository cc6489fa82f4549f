package dev.ticketing.timer.health;

import dev.ticketing.kit.health.ConsumerLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** Alive while every incoming channel consumes; a stopped one needs a restart. */
@Liveness
@ApplicationScoped
public class TimerLiveness extends ConsumerLiveness {
    @Override
    protected String service() {
        return "timer-service";
    }
}
