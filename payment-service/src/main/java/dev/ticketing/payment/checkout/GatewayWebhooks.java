package dev.ticketing.payment.checkout;

/**
 * The payment gateway's webhook deliveries, their signature verified and their event read: the port
 * checkout owns and the gateway package implements (Stripe's signature scheme and event format are
 * gateway work; checkout only decides what a succeeded payment means for its order).
 */
public interface GatewayWebhooks {

    /** What a delivery turned out to be. */
    sealed interface Delivery
            permits NotConfigured, InvalidSignature, NotAnEvent, OtherEvent, PaymentSucceeded {}

    /** No webhook secret is configured: no delivery can be verified. */
    record NotConfigured() implements Delivery {}

    /** The signature does not match the payload (or is missing, or too old). */
    record InvalidSignature(String reason) implements Delivery {}

    /** Signed, but not an event the gateway would send. */
    record NotAnEvent() implements Delivery {}

    /** A verified event of a type checkout does not act on. */
    record OtherEvent(String type) implements Delivery {}

    /**
     * A verified payment that succeeded: the gateway's charge, and the order its metadata names
     * ({@code orderId} null when it names none; {@code amountCents} null when the event has none).
     */
    record PaymentSucceeded(String chargeId, Long amountCents, String currency, String orderId)
            implements Delivery {}

    /** Verifies and reads one delivery; never throws for a bad one. */
    Delivery read(String payload, String signature);
}
