package dev.ticketing.storefront.client;

/** The body of paying: the order, and the card token (Stripe's, or a test token like tok_visa). */
public record NewPayment(String orderId, String token) {}
