package dev.ticketing.storefront.client;

/** A payment created by payment-service. */
public record Payment(String id) {}
