package dev.ticketing.store.outbox;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.ticketing.store.mongo.Keyset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Publishes what outboxes hold, then clears it. Each document's events go out one at a time, in
 * order, each cleared only after JetStream acknowledged it; a crash in between republishes the
 * event with the same id and JetStream drops the copy. The work runs on a few lanes, one thread
 * each, and a document always runs on the same lane (its key's hash), so one service instance never
 * relays a document twice at once nor its events out of order, while other documents' relays run
 * beside it: their clearing writes then share the store's sync (one thread clearing one document at
 * a time left every write waiting for its own, and a big listing's events queued behind them). A
 * periodic sweep, on a thread of its own that hands each document to its lane, catches what a crash
 * or a failed publish left behind: it walks every pending document, oldest first, through an index
 * on {@link Outbox#SINCE}, page by page, so none is skipped forever behind a limit and a document
 * that cannot be published does not hold up the others (after ten failures in a row a sweep stops,
 * NATS being away, and the next one goes on from where it stopped). Nothing thrown stops the relay.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int PAGE = 500;

    /**
     * A sweep gives up after this many publishes failing in a row: NATS is away, the next sweep
     * retries.
     */
    private static final int FAILURES_IN_A_ROW = 10;

    /**
     * Where events go: the service's outgoing NATS channel. Completes once the stream stored the
     * event.
     */
    @FunctionalInterface
    public interface Publisher {
        CompletionStage<Void> publish(PendingEvent event);
    }

    private final List<MongoCollection<Document>> collections;
    private final Publisher publisher;
    private final Duration publishTimeout;
    private final ExecutorService[] lanes;
    private final ScheduledExecutorService sweeper;

    /**
     * The documents whose relay is queued and has not started (collection name, id): a write to one
     * of them adds nothing to the queue, since that run reads the outbox after the write. So the
     * queue holds each waiting document once, not each write: a backlog of writes to the same
     * tickets (a preload's reserve and release behind 100,000 listings) stays the size of the
     * documents.
     */
    private final Set<List<Object>> waiting = ConcurrentHashMap.newKeySet();

    /**
     * Per collection, when the oldest event its last sweep left waiting was written; absent when
     * that sweep left none (or none has run).
     */
    private final java.util.Map<MongoCollection<Document>, Date> oldestLeft =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Per collection, where a sweep that gave up stopped: the next one goes on from there. */
    private final java.util.Map<MongoCollection<Document>, Object[]> resumeAt =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A relay on one lane: every document's events go out from one thread. */
    public OutboxRelay(
            String name,
            List<MongoCollection<Document>> collections,
            Publisher publisher,
            Duration publishTimeout) {
        this(name, collections, publisher, publishTimeout, 1);
    }

    /**
     * @param lanes how many documents are relayed at once (each on a thread of its own); a document
     *     always goes to the same lane
     */
    public OutboxRelay(
            String name,
            List<MongoCollection<Document>> collections,
            Publisher publisher,
            Duration publishTimeout,
            int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("an outbox relay needs at least one lane: " + lanes);
        }
        this.collections = List.copyOf(collections);
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.lanes = new ExecutorService[lanes];
        for (int i = 0; i < lanes; i++) {
            String thread = "outbox-relay-" + name + (lanes == 1 ? "" : "-" + (i + 1));
            this.lanes[i] = Executors.newSingleThreadExecutor(r -> daemon(r, thread));
        }
        this.sweeper =
                Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "outbox-sweep-" + name));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The key a document waits under, and whose hash picks its lane. */
    private static List<Object> key(MongoCollection<Document> collection, Object documentId) {
        return List.of(collection.getNamespace().getFullName(), documentId);
    }

    private ExecutorService laneOf(List<Object> key) {
        return lanes[lane(key)];
    }

    private int lane(List<Object> key) {
        return Math.floorMod(key.hashCode(), lanes.length);
    }

    /** The lane a document is relayed on (for tests). */
    int lane(MongoCollection<Document> collection, Object documentId) {
        return lane(key(collection, documentId));
    }

    /** The index the sweep reads pending documents through; idempotent. */
    public static void index(MongoCollection<Document> collection) {
        collection.createIndex(
                Indexes.ascending(Outbox.SINCE, "_id"),
                new IndexOptions().name(Outbox.INDEX).sparse(true));
    }

    /**
     * Starts the periodic sweep (also run once right away: it publishes what a crash left behind).
     */
    public OutboxRelay start(Duration sweepEvery) {
        sweeper.scheduleWithFixedDelay(
                this::sweepQuietly, 0, sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Publishes the document's pending events soon, without making the caller wait. */
    public void relay(MongoCollection<Document> collection, Object documentId) {
        List<Object> key = key(collection, documentId);
        if (!waiting.add(key)) {
            return; // its run has not started: it will read what this write added
        }
        try {
            laneOf(key).execute(() -> relayWaiting(key, collection, documentId));
        } catch (RuntimeException closed) {
            waiting.remove(key);
            throw closed;
        }
    }

    /** How many documents wait for their relay to start. */
    public int waiting() {
        return waiting.size();
    }

    private void relayWaiting(
            List<Object> key, MongoCollection<Document> collection, Object documentId) {
        // Before the read: a write from now on queues the document again.
        waiting.remove(key);
        try {
            relayDocument(collection, documentId);
        } catch (Throwable e) {
            LOG.log(
                    Level.WARNING,
                    "outbox: publishing the events of " + documentId + " failed; the sweep retries",
                    e);
        }
    }

    /**
     * Publishes every pending event of every collection, oldest document first; how many went out.
     */
    public int sweep() {
        int published = 0;
        for (MongoCollection<Document> collection : collections) {
            published += sweep(collection);
        }
        return published;
    }

    private int sweep(MongoCollection<Document> collection) {
        try {
            return publishPending(collection);
        } finally {
            noteOldestLeft(collection);
        }
    }

    /**
     * How long, in seconds as of now, the oldest event that {@code collection}'s last sweep left
     * waiting has waited: 0 when it left none. It keeps growing while events cannot go out (NATS or
     * the store away, an event NATS refuses) and falls back once a sweep gets them out; an event
     * the relay publishes right after its write is never counted (the {@code
     * ticketing_outbox_oldest_seconds} gauge, docs/architecture.md, "Failure model").
     */
    public double oldestWaitingSeconds(MongoCollection<Document> collection) {
        Date since = oldestLeft.get(collection);
        return since == null
                ? 0
                : Math.max(0, (System.currentTimeMillis() - since.getTime()) / 1e3);
    }

    /** One read through the index; when the store cannot answer, the last one stands. */
    private void noteOldestLeft(MongoCollection<Document> collection) {
        try {
            Document oldest =
                    collection
                            .withReadConcern(ReadConcern.MAJORITY)
                            .find(Outbox.pending())
                            .sort(Keyset.order(Outbox.SINCE))
                            .projection(Projections.include("_id", Outbox.SINCE))
                            .first();
            if (oldest == null) {
                oldestLeft.remove(collection);
            } else {
                oldestLeft.put(collection, oldest.getDate(Outbox.SINCE));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "outbox: the oldest waiting event could not be read", e);
        }
    }

    private int publishPending(MongoCollection<Document> collection) {
        int published = 0;
        int failedInARow = 0;
        Object[] resume = resumeAt.remove(collection);
        Date afterSince = resume == null ? null : (Date) resume[0];
        Object afterId = resume == null ? null : resume[1];
        while (true) {
            List<Document> page = new ArrayList<>(PAGE);
            collection
                    .withReadConcern(ReadConcern.MAJORITY)
                    .find(after(afterSince, afterId))
                    .sort(Keyset.order(Outbox.SINCE))
                    .projection(Projections.include("_id", Outbox.SINCE))
                    .limit(PAGE)
                    .forEach(page::add);
            for (Document d : page) {
                afterSince = d.getDate(Outbox.SINCE);
                afterId = d.get("_id");
                Relayed r = relayOnItsLane(collection, afterId);
                published += r.published();
                failedInARow = r.failed() ? failedInARow + 1 : 0;
                if (failedInARow >= FAILURES_IN_A_ROW) {
                    // NATS is probably away; the next sweep goes on from here, so documents that
                    // cannot be published never keep the ones behind them waiting forever.
                    resumeAt.put(collection, new Object[] {afterSince, afterId});
                    LOG.warning(
                            () ->
                                    "outbox: "
                                            + FAILURES_IN_A_ROW
                                            + " publishes failed in a row; the next sweep"
                                            + " goes on from there");
                    return published;
                }
            }
            if (page.size() < PAGE) {
                return published;
            }
        }
    }

    /**
     * The sweep's relay of one document, run on the document's lane so that it never runs beside
     * that document's own relay. A document whose run is queued already is left to that run.
     */
    private Relayed relayOnItsLane(MongoCollection<Document> collection, Object documentId) {
        List<Object> key = key(collection, documentId);
        if (waiting.contains(key)) {
            return new Relayed(0, false);
        }
        try {
            return laneOf(key).submit(() -> relayDocument(collection, documentId)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the outbox relay is closing", e);
        } catch (ExecutionException e) {
            LOG.log(
                    Level.WARNING,
                    "outbox: relaying " + documentId + " failed; the next sweep retries",
                    e.getCause());
            return new Relayed(0, true);
        }
    }

    /** Pending documents after the (since, id) position of the sweep's last one. */
    private static Bson after(Date since, Object id) {
        if (since == null) {
            return Outbox.pending();
        }
        return Keyset.after(Outbox.SINCE, since, id);
    }

    private void sweepQuietly() {
        try {
            int published = sweep();
            if (published > 0) {
                LOG.fine(() -> "outbox: the sweep published " + published + " event(s)");
            }
        } catch (Throwable e) {
            // Caught whatever it is: a scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "outbox: sweep failed; the next sweep retries", e);
        }
    }

    /** What relaying one document came to. */
    record Relayed(int published, boolean failed) {}

    /**
     * Publishes one document's events in order; stops at the first failure (order matters). Events
     * are cleared only once JetStream acknowledged them: a crash before the clear republishes them
     * with the same ids, and JetStream drops the copies.
     */
    Relayed relayDocument(MongoCollection<Document> collection, Object documentId) {
        // Majority reads: only events whose change a majority of the replica set has are published,
        // so a failover never leaves published an event of a change the new primary lacks.
        Document document =
                collection
                        .withReadConcern(ReadConcern.MAJORITY)
                        .find(Filters.eq("_id", documentId))
                        .projection(Projections.include(Outbox.FIELD, Outbox.SINCE))
                        .first();
        if (document == null) {
            return new Relayed(0, false);
        }
        List<PendingEvent> events = Outbox.pendingIn(document);
        if (events.isEmpty()) {
            if (document.get(Outbox.SINCE) != null) {
                // marked but empty: what a crash between two writes of an older relay left behind
                collection.updateOne(Outbox.emptied(documentId), Updates.unset(Outbox.SINCE));
            }
            return new Relayed(0, false);
        }
        List<PendingEvent> published = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            try {
                publisher
                        .publish(event)
                        .toCompletableFuture()
                        .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                clear(collection, documentId, published);
                return new Relayed(published.size(), true);
            } catch (Exception e) {
                LOG.log(
                        Level.WARNING,
                        "outbox: publishing event "
                                + event.id()
                                + " to "
                                + event.subject()
                                + " failed; it stays in the outbox and is retried: "
                                + e);
                clear(collection, documentId, published);
                return new Relayed(published.size(), true);
            }
            published.add(event);
        }
        clear(collection, documentId, published);
        return new Relayed(published.size(), false);
    }

    /**
     * Takes the published events out of the document's outbox. Usually one write: the outbox still
     * holds exactly them, so it is emptied and unmarked at once. When another write added an event
     * meanwhile (or a second instance's relay took some out), only these are removed, and the mark
     * goes only if nothing is left, so the new event still waits for the relay or the sweep.
     */
    private static void clear(
            MongoCollection<Document> collection, Object documentId, List<PendingEvent> published) {
        if (published.isEmpty()) {
            return;
        }
        if (collection
                        .updateOne(Outbox.holdingExactly(documentId, published), Outbox.cleared())
                        .getMatchedCount()
                == 1) {
            return;
        }
        collection.updateOne(Filters.eq("_id", documentId), Outbox.removePublished(published));
        collection.updateOne(Outbox.emptied(documentId), Updates.unset(Outbox.SINCE));
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
        try {
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
            for (ExecutorService lane : lanes) {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
