/**
 * The adapters behind checkout's {@code PaymentGateway} and {@code GatewayWebhooks} ports: Stripe
 * (stripe-java: charges, refunds, and the webhook's signature and events) and a simulation for
 * laptops. The ports live with checkout, which owns them, so this package depends on checkout and
 * never the other way round.
 */
package dev.ticketing.payment.gateway;
