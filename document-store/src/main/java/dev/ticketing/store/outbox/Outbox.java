package dev.ticketing.store.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The outbox inside an aggregate's document: a field {@value #FIELD} holding the events the last
 * changes caused, in the order they happened. MongoDB writes one document atomically, so a change
 * and its events are stored together or not at all (no transactions needed).
 */
public final class Outbox {
    public static final String FIELD = "outbox";

    private Outbox() {
    }

    /** The update part that appends {@code events} to the document's outbox. */
    public static Bson append(List<PendingEvent> events) {
        return Updates.pushEach(FIELD, documents(events));
    }

    public static Bson append(PendingEvent event) {
        return append(List.of(event));
    }

    /** The outbox value of a document being inserted with {@code events}. */
    public static List<Document> documents(List<PendingEvent> events) {
        List<Document> docs = new ArrayList<>(events.size());
        events.forEach(e -> docs.add(e.toDocument()));
        return docs;
    }

    /** Documents that still hold events to publish. */
    static Bson hasPending() {
        return Filters.exists(FIELD + ".0");
    }

    /** The events a document holds, oldest first. */
    static List<PendingEvent> pendingIn(Document document) {
        List<Document> docs = document.getList(FIELD, Document.class, List.of());
        List<PendingEvent> events = new ArrayList<>(docs.size());
        docs.forEach(d -> events.add(PendingEvent.fromDocument(d)));
        return events;
    }

    /** Removes one published event, by id, leaving any event added since in place. */
    static Bson removePublished(PendingEvent event) {
        return Updates.pull(FIELD, new Document("id", event.id()));
    }
}
