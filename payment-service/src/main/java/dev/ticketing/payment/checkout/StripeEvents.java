package dev.ticketing.payment.checkout;

import dev.ticketing.payment.checkout.GatewayWebhooks.Delivery;
import dev.ticketing.payment.checkout.GatewayWebhooks.InvalidSignature;
import dev.ticketing.payment.checkout.GatewayWebhooks.NotAnEvent;
import dev.ticketing.payment.checkout.GatewayWebhooks.NotConfigured;
import dev.ticketing.payment.checkout.GatewayWebhooks.PaymentSucceeded;
import dev.ticketing.payment.domain.OrderCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Stripe's webhook events, verified and read by the gateway ({@link GatewayWebhooks}). A
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

    @Inject GatewayWebhooks webhooks;

    @Inject OrderCopies orders;

    @Inject Checkout checkout;

    public Result receive(String payload, String signature) {
        Delivery delivery = webhooks.read(payload, signature);
        if (delivery instanceof NotConfigured) {
            return Result.NOT_CONFIGURED;
        }
        if (delivery instanceof InvalidSignature invalid) {
            LOG.warning(() -> "webhook refused: " + invalid.reason());
            return Result.INVALID_SIGNATURE;
        }
        if (delivery instanceof NotAnEvent) {
            return Result.NOT_AN_EVENT;
        }
        if (delivery instanceof PaymentSucceeded intent) {
            return paymentSucceeded(intent);
        }
        return Result.IGNORED;
    }

    private Result paymentSucceeded(PaymentSucceeded intent) {
        String orderId = intent.orderId();
        Optional<OrderCopy> order = orderId == null ? Optional.empty() : orders.find(orderId);
        if (order.isEmpty()) {
            LOG.info(
                    () ->
                            "webhook: PaymentIntent "
                                    + intent.chargeId()
                                    + " names no known order; ignored");
            return Result.IGNORED;
        }
        if (intent.amountCents() == null
                || intent.amountCents() != order.get().priceCents()
                || !Checkout.CURRENCY.equals(intent.currency())) {
            LOG.warning(
                    () ->
                            "webhook: PaymentIntent "
                                    + intent.chargeId()
                                    + " of "
                                    + intent.amountCents()
                                    + " "
                                    + intent.currency()
                                    + " does not match order "
                                    + orderId
                                    + "; ignored");
            return Result.IGNORED;
        }
        Checkout.Recorded recorded =
                checkout.recordWebhookCharge(
                        order.get(),
                        new PaymentGateway.Charge(
                                intent.chargeId(), intent.amountCents(), intent.currency()));
        LOG.info(
                () ->
                        "webhook: PaymentIntent "
                                + intent.chargeId()
                                + " for order "
                                + orderId
                                + ": "
                                + recorded.outcome());
        return Result.HANDLED;
    }
}
