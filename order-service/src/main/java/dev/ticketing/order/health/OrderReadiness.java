package dev.ticketing.order.health;

import dev.ticketing.store.health.DocumentStoreReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the order store answers and NATS is connected: without either, no change can be
 * stored or told.
 */
@Readiness
@ApplicationScoped
public class OrderReadiness extends DocumentStoreReadiness {

    @Override
    protected String service() {
        return "order-service";
    }
}
