package dev.ticketing.timer.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending expiry: the hold of order {@code orderId} on its ticket ends at {@code dueAt}. There is
 * at most one per order (a redelivered order.created must not schedule a second one).
 */
public record Expiry(String orderId, Instant dueAt) {

    public Expiry {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("An expiry needs an order id");
        }
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
