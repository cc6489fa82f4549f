package dev.ticketing.store.outbox;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.Events;
import java.util.Objects;
import org.bson.Document;

/**
 * An event written inside its aggregate's document, in the same atomic write as the change it
 * describes, and waiting there until the relay has published it.
 *
 * @param id the event id: {@code Nats-Msg-Id}, so a republish after a crash is dropped by JetStream
 * @param subject where it is published, e.g. {@code ticketing.ticket.updated}
 * @param json the event envelope as published
 */
public record PendingEvent(String id, String subject, String json) {

    public PendingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(json, "json");
    }

    /**
     * The pending form of {@code event}, published under {@code subjectPrefix} (normally
     * "ticketing").
     */
    public static PendingEvent of(
            EventEnvelope<? extends EventPayload> event, String subjectPrefix) {
        return new PendingEvent(
                event.id(),
                EventType.ofType(event.type()).subject(subjectPrefix),
                Events.toJson(event));
    }

    /** A new event with a fresh id for {@code payload}. */
    public static PendingEvent of(EventPayload payload, String subjectPrefix) {
        return of(EventEnvelope.of(payload), subjectPrefix);
    }

    Document toDocument() {
        return new Document("id", id).append("subject", subject).append("json", json);
    }

    static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("id"), d.getString("subject"), d.getString("json"));
    }
}
