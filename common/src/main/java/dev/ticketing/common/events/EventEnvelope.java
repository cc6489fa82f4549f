package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * One message on the bus: {@code {"id","type","occurredAt","data"}}. {@code id} is a UUID and
 * doubles as the {@code Nats-Msg-Id}, so keep it when republishing (outbox retries).
 *
 * @param <T> the payload record
 */
@JsonbPropertyOrder({"id", "type", "occurredAt", "data"})
public record EventEnvelope<T>(String id, String type, Instant occurredAt, T data) {

    public EventEnvelope {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Event id is required");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("Event type is required");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A new event about {@code data}: a random UUID, the current instant (millisecond precision),
     * the catalogue's type.
     */
    public static <P extends EventPayload> EventEnvelope<P> of(P data) {
        return of(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
    }

    /** An event with a known id and time (for example one rebuilt from an outbox). */
    public static <P extends EventPayload> EventEnvelope<P> of(
            String id, Instant occurredAt, P data) {
        return new EventEnvelope<>(id, EventType.of(data).type(), occurredAt, data);
    }
}
