package dev.ticketing.store.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The outbox inside an aggregate's document: a field {@value #FIELD} holding the events the last
 * changes caused, in the order they happened, and {@value #SINCE}, when the oldest of them was
 * written. MongoDB writes one document atomically, so a change and its events are stored together
 * or not at all (no transactions needed). {@value #SINCE} exists only while events wait, and is
 * indexed, so the relay finds pending documents oldest first without scanning the collection.
 */
public final class Outbox {
    public static final String FIELD = "outbox";
    public static final String SINCE = "outboxSince";
    static final String INDEX = "pending_outbox_oldest_first";

    private Outbox() {}

    /**
     * The update part that appends {@code events} to the document's outbox (and, if none were
     * waiting, marks since when they wait); an empty update part when there are no events.
     */
    public static Bson append(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return new Document();
        }
        return Updates.combine(
                Updates.pushEach(FIELD, documents(events)), Updates.min(SINCE, new Date()));
    }

    public static Bson append(PendingEvent event) {
        return append(List.of(event));
    }

    private static List<Document> documents(List<PendingEvent> events) {
        List<Document> docs = new ArrayList<>(events.size());
        events.forEach(e -> docs.add(e.toDocument()));
        return docs;
    }

    /**
     * Documents that may still hold events to publish. {@code $ne: null} rather than {@code
     * $exists}: an index on {@value #SINCE} bounds it to the documents that have one (MongoDB's and
     * the embedded store's alike), where {@code $exists} reads them all.
     */
    static Bson pending() {
        return Filters.ne(SINCE, null);
    }

    /** The events a document holds, oldest first. */
    static List<PendingEvent> pendingIn(Document document) {
        List<Document> docs = document.getList(FIELD, Document.class, List.of());
        List<PendingEvent> events = new ArrayList<>(docs.size());
        docs.forEach(d -> events.add(PendingEvent.fromDocument(d)));
        return events;
    }

    /** Removes published events, by id, leaving any event added since in place. */
    static Bson removePublished(List<PendingEvent> events) {
        return Updates.pull(FIELD, Filters.in("id", ids(events)));
    }

    /**
     * The document while its outbox holds exactly {@code events} and nothing else: as many entries,
     * each of their ids among them (ids are unique, so no room is left for another).
     */
    static Bson holdingExactly(Object documentId, List<PendingEvent> events) {
        return Filters.and(
                Filters.eq("_id", documentId),
                Filters.size(FIELD, events.size()),
                Filters.all(FIELD + ".id", ids(events)));
    }

    /** Empties the outbox and unmarks the document, for {@link #holdingExactly}. */
    static Bson cleared() {
        return Updates.combine(Updates.set(FIELD, List.of()), Updates.unset(SINCE));
    }

    private static List<String> ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::id).toList();
    }

    /** Unmarks a document whose outbox is empty now (a new event in between keeps the mark). */
    static Bson emptied(Object documentId) {
        return Filters.and(Filters.eq("_id", documentId), Filters.size(FIELD, 0));
    }
}
