package dev.ticketing.order.health;

import dev.ticketing.kit.health.ServiceReadiness;
import dev.ticketing.nats.NatsConnectionStatus;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the order store answers and NATS is connected: without either, no change can be
 * stored or told.
 */
@Readiness
@ApplicationScoped
public class OrderReadiness extends ServiceReadiness {

    @Inject MongoStore store;

    @Inject NatsConnectionStatus nats;

    @Override
    protected String service() {
        return "order-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        Map<String, BooleanSupplier> dependencies = new LinkedHashMap<>();
        dependencies.put("store", () -> store.ping(Duration.ofSeconds(2)));
        dependencies.put("nats", nats::isConnected);
        return dependencies;
    }
}
