package dev.ticketing.payment.gateway;

import dev.ticketing.payment.checkout.PaymentGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway payments go through, by {@code payments.mode} ({@code PAYMENTS_MODE}):
 *
 * <ul>
 *   <li>{@code stripe}: Stripe, which needs {@code STRIPE_SECRET_KEY} (and the webhook {@code
 *       STRIPE_WEBHOOK_SECRET}); without them nothing is charged and readiness is DOWN saying why
 *       ({@link PaymentsConfiguration}): production never falls back to simulated payments
 *       silently;
 *   <li>{@code simulated}: no money moves, said loudly in the log;
 *   <li>unset ({@code auto}, the local default): Stripe when a secret key is configured, else
 *       simulated.
 * </ul>
 */
@ApplicationScoped
public class GatewayProducer {
    private static final Logger LOG = Logger.getLogger(GatewayProducer.class.getName());

    @Inject SimulatedGateway.Ledger ledger;

    @Produces
    @ApplicationScoped
    PaymentGateway gateway(
            PaymentsConfiguration configuration,
            @ConfigProperty(name = "stripe.api.base") Optional<String> apiBase,
            @ConfigProperty(name = "stripe.timeout", defaultValue = "PT15S")
                    java.time.Duration timeout) {
        if (configuration.simulated()) {
            return new SimulatedGateway(ledger);
        }
        Optional<String> key = configuration.secretKey();
        if (key.isEmpty()) {
            LOG.severe(
                    "payments.mode is stripe but no STRIPE_SECRET_KEY is configured: no payment can be taken"
                            + " and readiness is DOWN until it is");
            return new UnconfiguredGateway("STRIPE_SECRET_KEY is not configured");
        }
        LOG.info(() -> "payments go through Stripe" + apiBase.map(b -> " at " + b).orElse(""));
        return new StripeGateway(key.get(), apiBase.orElse(null), timeout);
    }

    /**
     * Stripe mode without a key: every call fails as the gateway being unavailable, nothing is
     * charged.
     */
    static final class UnconfiguredGateway implements PaymentGateway {
        private final String why;

        UnconfiguredGateway(String why) {
            this.why = why;
        }

        @Override
        public Charge charge(ChargeRequest request) {
            throw new GatewayUnavailable(why, null);
        }

        @Override
        public String refund(String chargeId, String idempotencyKey) {
            throw new GatewayUnavailable(why, null);
        }

        @Override
        public String transfer(TransferRequest request) {
            throw new GatewayUnavailable(why, null);
        }

        @Override
        public String name() {
            return "stripe (" + why.toLowerCase(Locale.ROOT) + ")";
        }
    }
}
