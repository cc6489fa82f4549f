package dev.ticketing.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How payments are configured, and what is missing: read once, told to the gateway producer and to
 * readiness (which stays DOWN, naming the missing setting, while Stripe mode lacks its secrets).
 */
@ApplicationScoped
public class PaymentsConfiguration {

    @Inject
    @ConfigProperty(name = "payments.mode", defaultValue = "auto")
    String mode;

    @Inject
    @ConfigProperty(name = "stripe.secret.key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "stripe.webhook.secret")
    Optional<String> webhookSecret;

    /** True when no money moves: mode simulated, or auto without a secret key. */
    public boolean simulated() {
        String m = mode.trim().toLowerCase(Locale.ROOT);
        return m.equals("simulated") || (!m.equals("stripe") && secretKey().isEmpty());
    }

    public Optional<String> secretKey() {
        return secretKey.filter(k -> !k.isBlank());
    }

    /** What Stripe mode still needs (empty when simulated or complete). */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!mode.trim().equalsIgnoreCase("stripe")) {
            return missing;
        }
        if (secretKey().isEmpty()) {
            missing.add("STRIPE_SECRET_KEY");
        }
        if (webhookSecret.filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("STRIPE_WEBHOOK_SECRET");
        }
        return missing;
    }
}
