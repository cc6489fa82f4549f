package dev.ticketing.common.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalogue: each type's name (the envelope's {@code type}), its payload record and its
 * NATS subject, {@code <prefix>.<type>} (with the default prefix, {@code ticketing.order.created}).
 */
public enum EventType {
    TICKET_CREATED("ticket.created", TicketCreated.class),
    TICKET_UPDATED("ticket.updated", TicketUpdated.class),
    ORDER_CREATED("order.created", OrderCreated.class),
    ORDER_CANCELLED("order.cancelled", OrderCancelled.class),
    ORDER_COMPLETED("order.completed", OrderCompleted.class),
    EXPIRATION_COMPLETE("expiration.complete", ExpirationComplete.class),
    PAYMENT_CREATED("payment.created", PaymentCreated.class),
    PAYOUT_CREATED("payout.created", PayoutCreated.class),
    PAYOUT_RELEASED("payout.released", PayoutReleased.class),
    PAYOUT_CANCELLED("payout.cancelled", PayoutCancelled.class),
    SESSION_REVOKED("session.revoked", SessionRevoked.class);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values())
                    .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values())
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    EventType::payloadType, Function.identity()));

    private final String type;
    private final Class<? extends EventPayload> payloadType;

    EventType(String type, Class<? extends EventPayload> payloadType) {
        this.type = type;
        this.payloadType = payloadType;
    }

    /** The name carried in the envelope's {@code type}, e.g. {@code "order.created"}. */
    public String type() {
        return type;
    }

    /** The record the envelope's {@code data} binds to. */
    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The subject under the default prefix, e.g. {@code "ticketing.order.created"}. */
    public String subject() {
        return subject(Subjects.DEFAULT_PREFIX);
    }

    /**
     * The subject under {@code prefix} (with or without its trailing dot), e.g. {@code
     * "test-42.order.created"}.
     */
    public String subject(String prefix) {
        return Subjects.normalizePrefix(prefix) + "." + type;
    }

    /** The type named {@code type}, if the catalogue has it. */
    public static Optional<EventType> find(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** The type named {@code type}; an unknown name is an {@link IllegalArgumentException}. */
    public static EventType ofType(String type) {
        return find(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type: " + type));
    }

    /** The type whose payload record is {@code payloadType}. */
    public static EventType ofPayload(Class<? extends EventPayload> payloadType) {
        EventType found = BY_PAYLOAD.get(Objects.requireNonNull(payloadType, "payloadType"));
        if (found == null) {
            throw new IllegalArgumentException("Not an event payload: " + payloadType.getName());
        }
        return found;
    }

    /** The type of {@code payload}. */
    public static EventType of(EventPayload payload) {
        return ofPayload(Objects.requireNonNull(payload, "payload").getClass());
    }

    /** The type published on {@code subject} under {@code prefix}, if any. */
    public static Optional<EventType> fromSubject(String prefix, String subject) {
        String head = Subjects.normalizePrefix(prefix) + ".";
        if (subject == null || !subject.startsWith(head)) {
            return Optional.empty();
        }
        return find(subject.substring(head.length()));
    }
}
