package dev.ticketing.catalog.health;

import dev.ticketing.nats.NatsConnectionStatus;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the ticket store answers and NATS is connected: without either, no change can be stored or told. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    @Inject
    MongoStore store;

    @Inject
    NatsConnectionStatus nats;

    @Override
    public HealthCheckResponse call() {
        boolean storeUp = store.ping(Duration.ofSeconds(2));
        boolean natsUp = nats.isConnected();
        return HealthCheckResponse.named("catalog-service").status(storeUp && natsUp)
                .withData("store", storeUp ? "UP" : "DOWN")
                .withData("nats", natsUp ? "UP" : "DOWN")
                .build();
    }
}
