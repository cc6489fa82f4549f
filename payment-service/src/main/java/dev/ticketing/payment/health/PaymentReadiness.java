package dev.ticketing.payment.health;

import dev.ticketing.kit.health.ServiceReadiness;
import dev.ticketing.nats.NatsConnectionStatus;
import dev.ticketing.payment.gateway.PaymentsConfiguration;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the store answers and NATS is connected (without either, no payment can be recorded or
 * told), and, in Stripe mode, when its secrets are configured: each missing one is named DOWN, so a
 * production deployment without them never takes traffic (nor silently simulates payments).
 */
@Readiness
@ApplicationScoped
public class PaymentReadiness extends ServiceReadiness {

    @Inject MongoStore store;

    @Inject NatsConnectionStatus nats;

    @Inject PaymentsConfiguration payments;

    @Override
    protected String service() {
        return "payment-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        Map<String, BooleanSupplier> dependencies = new LinkedHashMap<>();
        dependencies.put("store", () -> store.ping(Duration.ofSeconds(2)));
        dependencies.put("nats", nats::isConnected);
        payments.missing().forEach(setting -> dependencies.put(setting, () -> false));
        return dependencies;
    }
}
