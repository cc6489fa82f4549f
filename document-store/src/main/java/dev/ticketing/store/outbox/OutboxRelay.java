package dev.ticketing.store.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Publishes what outboxes hold, then clears it. Each document's events go out one at a time, in
 * order, each cleared only after JetStream acknowledged it; a crash in between republishes the
 * event with the same id and JetStream drops the copy. One thread does all of it, so one service
 * instance never publishes a document's events out of order; a periodic sweep catches what a
 * crash or a failed publish left behind.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int SWEEP_BATCH = 500;

    /** Where events go: the service's outgoing NATS channel. Completes once the stream stored the event. */
    @FunctionalInterface
    public interface Publisher {
        CompletionStage<Void> publish(PendingEvent event);
    }

    private final List<MongoCollection<Document>> collections;
    private final Publisher publisher;
    private final Duration publishTimeout;
    private final ScheduledExecutorService worker;

    public OutboxRelay(String name, List<MongoCollection<Document>> collections, Publisher publisher,
                       Duration publishTimeout) {
        this.collections = List.copyOf(collections);
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic sweep (also run once right away: it publishes what a crash left behind). */
    public OutboxRelay start(Duration sweepEvery) {
        worker.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Publishes the document's pending events soon, without making the caller wait. */
    public void relay(MongoCollection<Document> collection, Object documentId) {
        worker.execute(() -> {
            try {
                relayDocument(collection, documentId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox: publishing the events of " + documentId
                        + " failed; the sweep retries", e);
            }
        });
    }

    /** Publishes every pending event of every collection; returns how many went out. */
    public int sweep() {
        int published = 0;
        for (MongoCollection<Document> collection : collections) {
            List<Object> ids = new ArrayList<>();
            collection.find(Outbox.hasPending()).projection(Projections.include("_id")).limit(SWEEP_BATCH)
                    .forEach(d -> ids.add(d.get("_id")));
            for (Object id : ids) {
                published += relayDocument(collection, id);
            }
        }
        return published;
    }

    private void sweepQuietly() {
        try {
            int published = sweep();
            if (published > 0) {
                LOG.fine(() -> "outbox: the sweep published " + published + " event(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox: sweep failed; next sweep retries", e);
        }
    }

    /** Publishes one document's events in order; stops at the first failure (order matters). */
    int relayDocument(MongoCollection<Document> collection, Object documentId) {
        Document document = collection.find(Filters.eq("_id", documentId))
                .projection(Projections.include(Outbox.FIELD)).first();
        if (document == null) {
            return 0;
        }
        int published = 0;
        for (PendingEvent event : Outbox.pendingIn(document)) {
            try {
                publisher.publish(event).toCompletableFuture().get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "outbox: publishing event " + event.id() + " to " + event.subject()
                        + " failed; it stays in the outbox and is retried", e);
                return published;
            }
            collection.updateOne(Filters.eq("_id", documentId), Outbox.removePublished(event));
            published++;
        }
        return published;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
