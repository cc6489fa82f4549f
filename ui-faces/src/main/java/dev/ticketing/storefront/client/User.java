package dev.ticketing.storefront.client;

/** A signed-in user as auth-service describes them. */
public record User(String id, String email) {}
