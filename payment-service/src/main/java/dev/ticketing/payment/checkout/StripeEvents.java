package dev.ticketing.payment.checkout;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.gateway.PaymentGateway;
import dev.ticketing.payment.store.OrderCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe's webhook events, verified with stripe-java's {@code Webhook.constructEvent} (HMAC-SHA256
 * of "timestamp.body" with the endpoint secret, timestamp within the tolerance). A
 * payment_intent.succeeded for a known order records its payment like the API does, idempotently: a
 * PaymentIntent already recorded changes nothing; one for an order gone is refunded.
 */
@ApplicationScoped
public class StripeEvents {
    private static final Logger LOG = Logger.getLogger(StripeEvents.class.getName());

    public enum Result {
        HANDLED,
        IGNORED,
        INVALID_SIGNATURE,
        NOT_AN_EVENT,
        NOT_CONFIGURED
    }

    @Inject
    @ConfigProperty(name = "stripe.webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "stripe.webhook.tolerance", defaultValue = "PT5M")
    Duration tolerance;

    @Inject OrderCopies orders;

    @Inject Checkout checkout;

    public Result receive(String payload, String signature) {
        String key = secret.filter(s -> !s.isBlank()).orElse(null);
        if (key == null) {
            return Result.NOT_CONFIGURED;
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, key, tolerance.toSeconds());
        } catch (SignatureVerificationException e) {
            LOG.warning(() -> "webhook refused: " + e.getMessage());
            return Result.INVALID_SIGNATURE;
        } catch (RuntimeException e) {
            // Gson's parse errors and an event without the fields every Stripe event has.
            return Result.NOT_AN_EVENT;
        }
        if (!"payment_intent.succeeded".equals(event.getType())) {
            return Result.IGNORED;
        }
        PaymentIntent intent;
        try {
            StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
            if (!(object instanceof PaymentIntent pi)) {
                return Result.NOT_AN_EVENT;
            }
            intent = pi;
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            return Result.NOT_AN_EVENT;
        }
        return paymentSucceeded(intent);
    }

    private Result paymentSucceeded(PaymentIntent intent) {
        String orderId = intent.getMetadata() == null ? null : intent.getMetadata().get("orderId");
        Optional<OrderCopy> order = orderId == null ? Optional.empty() : orders.find(orderId);
        if (order.isEmpty()) {
            LOG.info(
                    () ->
                            "webhook: PaymentIntent "
                                    + intent.getId()
                                    + " names no known order; ignored");
            return Result.IGNORED;
        }
        if (intent.getAmount() == null
                || intent.getAmount() != order.get().priceCents()
                || !Checkout.CURRENCY.equals(intent.getCurrency())) {
            LOG.warning(
                    () ->
                            "webhook: PaymentIntent "
                                    + intent.getId()
                                    + " of "
                                    + intent.getAmount()
                                    + " "
                                    + intent.getCurrency()
                                    + " does not match order "
                                    + orderId
                                    + "; ignored");
            return Result.IGNORED;
        }
        Checkout.Recorded recorded =
                checkout.recordWebhookCharge(
                        order.get(),
                        new PaymentGateway.Charge(
                                intent.getId(), intent.getAmount(), intent.getCurrency()));
        LOG.info(
                () ->
                        "webhook: PaymentIntent "
                                + intent.getId()
                                + " for order "
                                + orderId
                                + ": "
                                + recorded.outcome());
        return Result.HANDLED;
    }
}
