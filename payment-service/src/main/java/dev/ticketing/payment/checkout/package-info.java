/**
 * Paying for an order: the rules, the gateway, the conditional write, and the refund when expiry
 * wins. payment-service's application layer.
 *
 * <p>This package owns its ports: {@link dev.ticketing.payment.checkout.OrderCopies} and {@link
 * dev.ticketing.payment.checkout.PaymentAttempts} (implemented by the store), {@link
 * dev.ticketing.payment.checkout.PaymentGateway} and {@link
 * dev.ticketing.payment.checkout.GatewayWebhooks} (implemented by the gateway: Stripe's types stay
 * there), and {@link dev.ticketing.payment.checkout.PaymentCounters} (implemented by the metrics).
 * So dependencies point one way: api and events call in, adapters plug in, and nothing here knows
 * MongoDB, BSON, Stripe, the bus or the metrics registry. Checked by the service's {@code
 * LayersTest}.
 */
package dev.ticketing.payment.checkout;
