package dev.ticketing.storefront.client;

/** One entry of the API error envelope: a message, and the JSON field it concerns (or null). */
public record ApiError(String message, String field) {}
