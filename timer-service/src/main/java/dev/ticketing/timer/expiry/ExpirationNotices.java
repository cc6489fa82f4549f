package dev.ticketing.timer.expiry;

/**
 * Where a hold that ran out is announced (expiration.complete): the port {@link ExpiryTimers} owns
 * and the events package implements, so the timers never depend on the bus.
 */
public interface ExpirationNotices {

    /**
     * Announces that the order's hold ran out; the announcement is stored when this returns, and an
     * exception otherwise (the timer's timeout fails and is retried).
     */
    void publishExpired(String orderId);
}
