package dev.ticketing.payment.gateway;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.ticketing.payment.checkout.GatewayWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's webhook deliveries, verified with stripe-java's {@code Webhook.constructEvent}
 * (HMAC-SHA256 of "timestamp.body" with the endpoint secret, timestamp within the tolerance) and
 * read: a payment_intent.succeeded becomes a {@link GatewayWebhooks.PaymentSucceeded}.
 */
@ApplicationScoped
public class StripeWebhooks implements GatewayWebhooks {

    @Inject
    @ConfigProperty(name = "stripe.webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "stripe.webhook.tolerance", defaultValue = "PT5M")
    Duration tolerance;

    @Override
    public Delivery read(String payload, String signature) {
        String key = secret.filter(s -> !s.isBlank()).orElse(null);
        if (key == null) {
            return new NotConfigured();
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, key, tolerance.toSeconds());
        } catch (SignatureVerificationException e) {
            return new InvalidSignature(e.getMessage());
        } catch (RuntimeException e) {
            // Gson's parse errors and an event without the fields every Stripe event has.
            return new NotAnEvent();
        }
        if (!"payment_intent.succeeded".equals(event.getType())) {
            return new OtherEvent(event.getType());
        }
        PaymentIntent intent;
        try {
            StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
            if (!(object instanceof PaymentIntent pi)) {
                return new NotAnEvent();
            }
            intent = pi;
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            return new NotAnEvent();
        }
        return new PaymentSucceeded(
                intent.getId(),
                intent.getAmount(),
                intent.getCurrency(),
                intent.getMetadata() == null ? null : intent.getMetadata().get("orderId"));
    }
}
