package dev.ticketing.common.events;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The JSON codec for events (JSON-B; Yasson in Liberty). Unknown fields are ignored, so a newer
 * producer can add fields without breaking older consumers. Thread-safe.
 */
public final class Events {

    private Events() {}

    /** A new envelope about {@code data}: random UUID, now, the catalogue's type. */
    public static <P extends EventPayload> EventEnvelope<P> envelope(P data) {
        return EventEnvelope.of(data);
    }

    /** {@code {"id","type","occurredAt","data":{...}}}. */
    public static String toJson(EventEnvelope<? extends EventPayload> event) {
        Objects.requireNonNull(event, "event");
        EventType declared = EventType.ofType(event.type());
        if (declared.payloadType() != event.data().getClass()) {
            throw new IllegalArgumentException(
                    "Event type "
                            + event.type()
                            + " does not carry "
                            + event.data().getClass().getSimpleName());
        }
        return Holder.JSONB.toJson(event);
    }

    /** {@link #toJson(EventEnvelope)} as UTF-8 bytes, the form a NATS message carries. */
    public static byte[] toBytes(EventEnvelope<? extends EventPayload> event) {
        return toJson(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an event whose payload must be {@code payloadType}.
     *
     * @throws EventFormatException if the JSON is malformed, lacks a field, names an unknown type
     *     or a type whose payload is not {@code payloadType}
     */
    public static <P extends EventPayload> EventEnvelope<P> fromJson(
            String json, Class<P> payloadType) {
        Objects.requireNonNull(payloadType, "payloadType");
        JsonObject root = parseObject(json);
        EventType type = typeOf(root);
        if (type.payloadType() != payloadType) {
            throw new EventFormatException(
                    "Expected a "
                            + EventType.ofPayload(payloadType).type()
                            + " event but got "
                            + type.type());
        }
        return read(root, type, payloadType);
    }

    /** {@link #fromJson(String, Class)} from UTF-8 bytes. */
    public static <P extends EventPayload> EventEnvelope<P> fromJson(
            byte[] json, Class<P> payloadType) {
        return fromJson(utf8(json), payloadType);
    }

    /**
     * Reads an event of any catalogued type; its {@code type} field picks the payload record.
     *
     * @throws EventFormatException if the JSON is malformed, lacks a field or names an unknown type
     */
    public static EventEnvelope<? extends EventPayload> fromJson(String json) {
        JsonObject root = parseObject(json);
        EventType type = typeOf(root);
        return read(root, type, type.payloadType());
    }

    /** {@link #fromJson(String)} from UTF-8 bytes. */
    public static EventEnvelope<? extends EventPayload> fromJson(byte[] json) {
        return fromJson(utf8(json));
    }

    private static <P extends EventPayload> EventEnvelope<P> read(
            JsonObject root, EventType type, Class<P> payloadType) {
        String id = requiredString(root, "id");
        Instant occurredAt = instant(requiredString(root, "occurredAt"));
        JsonValue data = root.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new EventFormatException("Event " + id + " has no data object");
        }
        P payload;
        try {
            payload = Holder.JSONB.fromJson(data.toString(), payloadType);
        } catch (JsonbException e) {
            throw new EventFormatException(
                    "Event " + id + " (" + type.type() + ") has malformed data", e);
        }
        return new EventEnvelope<>(id, type.type(), occurredAt, payload);
    }

    private static JsonObject parseObject(String json) {
        if (json == null || json.isBlank()) {
            throw new EventFormatException("Empty event");
        }
        try {
            JsonValue value = Holder.JSONB.fromJson(json, JsonValue.class);
            if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new EventFormatException("An event must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonbException | jakarta.json.JsonException e) {
            throw new EventFormatException("Malformed event JSON", e);
        }
    }

    private static EventType typeOf(JsonObject root) {
        String type = requiredString(root, "type");
        return EventType.find(type)
                .orElseThrow(() -> new EventFormatException("Unknown event type: " + type));
    }

    private static String requiredString(JsonObject root, String name) {
        JsonValue value = root.get(name);
        if (!(value instanceof JsonString)) {
            throw new EventFormatException("Event field '" + name + "' is missing or not a string");
        }
        String text = ((JsonString) value).getString();
        if (text.isBlank()) {
            throw new EventFormatException("Event field '" + name + "' is blank");
        }
        return text;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notZulu) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new EventFormatException(
                        "Event field 'occurredAt' is not an ISO-8601 instant: " + text, e);
            }
        }
    }

    private static String utf8(byte[] json) {
        if (json == null) {
            throw new EventFormatException("Empty event");
        }
        return new String(json, StandardCharsets.UTF_8);
    }

    /** Created on first use, so loading this class never needs a JSON-B provider. */
    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
