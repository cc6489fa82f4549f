package dev.ticketing.payment.health;

import dev.ticketing.kit.health.ConsumerLiveness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Liveness;

/** Alive while every incoming channel consumes; a stopped one needs a restart. */
@Liveness
@ApplicationScoped
public class PaymentLiveness extends ConsumerLiveness {
    @Override
    protected String service() {
        return "payment-service";
    }
}
