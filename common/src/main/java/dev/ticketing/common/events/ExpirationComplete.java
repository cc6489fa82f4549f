package dev.ticketing.common.events;

/** {@code expiration.complete}: the order's hold on its ticket ran out. */
public record ExpirationComplete(String orderId) implements EventPayload {}
