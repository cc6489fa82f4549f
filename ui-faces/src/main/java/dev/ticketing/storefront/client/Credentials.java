package dev.ticketing.storefront.client;

/** The body of sign-up and sign-in. */
public record Credentials(String email, String password) {}
