package dev.ticketing.payment.health;

import dev.ticketing.payment.gateway.PaymentsConfiguration;
import dev.ticketing.store.health.DocumentStoreReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
public class PaymentReadiness extends DocumentStoreReadiness {

    @Inject PaymentsConfiguration payments;

    @Override
    protected String service() {
        return "payment-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        Map<String, BooleanSupplier> dependencies = super.dependencies();
        payments.missing().forEach(setting -> dependencies.put(setting, () -> false));
        return dependencies;
    }
}
