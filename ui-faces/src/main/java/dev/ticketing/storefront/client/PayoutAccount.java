package dev.ticketing.storefront.client;

/** The body of naming where payouts go: the seller's Stripe connected account id. */
public record PayoutAccount(String accountId) {}
