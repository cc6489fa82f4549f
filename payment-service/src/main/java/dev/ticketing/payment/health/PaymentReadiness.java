package dev.ticketing.payment.health;

import dev.ticketing.nats.NatsConnectionStatus;
import dev.ticketing.payment.gateway.PaymentGateway;
import dev.ticketing.payment.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the store answers and NATS is connected; says which gateway takes the money. */
@Readiness
@ApplicationScoped
public class PaymentReadiness implements HealthCheck {

    @Inject
    Database database;

    @Inject
    NatsConnectionStatus nats;

    @Inject
    PaymentGateway gateway;

    @Override
    public HealthCheckResponse call() {
        boolean storeUp = database.store().ping(Duration.ofSeconds(2));
        boolean natsUp = nats.isConnected();
        return HealthCheckResponse.named("payment-service")
                .status(storeUp && natsUp)
                .withData("store", storeUp ? "UP" : "DOWN")
                .withData("nats", natsUp ? "UP" : "DOWN")
                .withData("gateway", gateway.name())
                .build();
    }
}
