package dev.ticketing.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stripe when a secret key is configured (STRIPE_SECRET_KEY), the simulation otherwise. */
@ApplicationScoped
public class GatewayProducer {
    private static final Logger LOG = Logger.getLogger(GatewayProducer.class.getName());

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(@ConfigProperty(name = "stripe.secret.key") Optional<String> secretKey,
                           @ConfigProperty(name = "stripe.api.base") Optional<String> apiBase) {
        Optional<String> key = secretKey.filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return new SimulatedGateway();
        }
        LOG.info(() -> "payments go through Stripe" + apiBase.map(b -> " at " + b).orElse(""));
        return new StripeGateway(key.get(), apiBase.orElse(null));
    }
}
