package dev.ticketing.timer.domain;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.ExpirationComplete;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The expiration.complete event of an order. Its id is derived from the order id alone (a
 * name-based UUID), so every attempt to announce one order's expiry (a retried timeout, a timer
 * that fires again after a crash before its commit) carries the same Nats-Msg-Id and JetStream
 * stores it once.
 */
public final class ExpirationNotice {
    private ExpirationNotice() {}

    /** The stable event id of order {@code orderId}'s expiry. */
    public static String eventId(String orderId) {
        return UUID.nameUUIDFromBytes(
                        ("expiration.complete:" + orderId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The event announcing that {@code orderId} expired, stamped with the moment it fired. */
    public static EventEnvelope<ExpirationComplete> of(String orderId, Instant firedAt) {
        return EventEnvelope.of(
                eventId(orderId),
                firedAt.truncatedTo(ChronoUnit.MILLIS),
                new ExpirationComplete(orderId));
    }
}
