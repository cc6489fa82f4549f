package dev.ticketing.store.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.store.embedded.EmbeddedDocumentStore;
import dev.ticketing.store.mongo.MongoStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against the MongoDB wire protocol (the embedded store), with a recording publisher. */
class OutboxRelayTest {
    private EmbeddedDocumentStore server;
    private MongoStore store;
    private MongoCollection<Document> tickets;
    private final List<String> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
        store = new MongoStore(server.url(), "outbox-test");
        tickets = store.collection("tickets");
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    private static PendingEvent event(String id) {
        return new PendingEvent(id, "t.ticket.updated", "{\"id\":\"" + id + "\"}");
    }

    /**
     * {@code document} with {@code events} in its outbox, as an aggregate's first insert stores it
     * ({@link OutboxDocument}).
     */
    private static Document withOutbox(Document document, List<PendingEvent> events) {
        List<Document> outbox = new java.util.ArrayList<>();
        events.forEach(e -> outbox.add(e.toDocument()));
        return document.append(Outbox.FIELD, outbox).append(Outbox.SINCE, new java.util.Date());
    }

    private void insertWith(String ticketId, PendingEvent... events) {
        tickets.insertOne(
                withOutbox(new Document("_id", ticketId).append("version", 0), List.of(events)));
    }

    /** A relay over {@code collection} that records what it publishes in {@link #published}. */
    private OutboxRelay recordingRelay(MongoCollection<Document> collection) {
        return relayOver(
                collection,
                e -> {
                    published.add(e.id());
                    return CompletableFuture.completedFuture(null);
                });
    }

    /**
     * Records what it publishes in {@link #published}; on event {@code heldId} it counts {@code
     * busy} down and holds its thread until {@code release} (10 s at most).
     */
    private OutboxRelay.Publisher recordingButHoldingAt(
            String heldId, CountDownLatch busy, CountDownLatch release) {
        return e -> {
            if (e.id().equals(heldId)) {
                busy.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
            published.add(e.id());
            return CompletableFuture.completedFuture(null);
        };
    }

    private static OutboxRelay relayOver(
            MongoCollection<Document> collection, OutboxRelay.Publisher publisher) {
        return new OutboxRelay("test", List.of(collection), publisher, Duration.ofSeconds(5));
    }

    private List<PendingEvent> outboxOf(String ticketId) {
        return Outbox.pendingIn(tickets.find(Filters.eq("_id", ticketId)).first());
    }

    @Test
    void publishesADocumentsEventsInOrderAndClearsThem() {
        insertWith("t1", event("e1"), event("e2"), event("e3"));
        OutboxRelay relay = recordingRelay(tickets);

        assertEquals(new OutboxRelay.Relayed(3, false), relay.relayDocument(tickets, "t1"));
        assertTrue(tickets.find(Outbox.pending()).first() == null, "no longer marked pending");
        assertEquals(List.of("e1", "e2", "e3"), published);
        assertTrue(outboxOf("t1").isEmpty());
        relay.close();
    }

    @Test
    void aFailedPublishKeepsThatEventAndEveryLaterOne() {
        insertWith("t1", event("e1"), event("e2"), event("e3"));
        OutboxRelay relay =
                relayOver(
                        tickets,
                        e -> {
                            if (e.id().equals("e2")) {
                                return CompletableFuture.failedFuture(
                                        new IllegalStateException("NATS is down"));
                            }
                            published.add(e.id());
                            return CompletableFuture.completedFuture(null);
                        });

        assertEquals(new OutboxRelay.Relayed(1, true), relay.relayDocument(tickets, "t1"));
        assertTrue(tickets.find(Outbox.pending()).first() != null, "still marked pending");
        assertEquals(List.of("e1"), published);
        assertEquals(List.of("e2", "e3"), outboxOf("t1").stream().map(PendingEvent::id).toList());
        relay.close();
    }

    @Test
    void anEventAddedWhilePublishingIsNotLost() {
        insertWith("t1", event("e1"));
        OutboxRelay relay =
                relayOver(
                        tickets,
                        e -> {
                            // another write lands on the document while e1 is on its way
                            tickets.updateOne(Filters.eq("_id", "t1"), Outbox.append(event("e2")));
                            published.add(e.id());
                            return CompletableFuture.completedFuture(null);
                        });

        relay.relayDocument(tickets, "t1");
        assertEquals(List.of("e2"), outboxOf("t1").stream().map(PendingEvent::id).toList());
        assertEquals(
                1, tickets.countDocuments(Outbox.pending()), "still marked pending for the sweep");
        relay.close();
    }

    @Test
    void aDocumentWrittenAgainWhileItWaitsIsQueuedOnceAndLosesNothing() throws Exception {
        insertWith("t0", event("e0"));
        insertWith("t1", event("e1"));
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutboxRelay relay = relayOver(tickets, recordingButHoldingAt("e0", busy, release));
        relay.relay(tickets, "t0");
        assertTrue(busy.await(10, TimeUnit.SECONDS), "the relay is busy with t0");

        List<String> expected = new ArrayList<>(List.of("e0", "e1"));
        relay.relay(tickets, "t1");
        for (int i = 2; i <= 50; i++) {
            // each write asks for a relay, as the services do
            tickets.updateOne(Filters.eq("_id", "t1"), Outbox.append(event("e" + i)));
            relay.relay(tickets, "t1");
            expected.add("e" + i);
        }
        assertEquals(1, relay.waiting(), "t1 waits once, however often it was written");

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.size() < expected.size() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, published, "every event once, in order");
        assertEquals(0, relay.waiting());
        assertTrue(outboxOf("t1").isEmpty());
        relay.relay(tickets, "t1"); // a document whose run started is queued again
        tickets.updateOne(Filters.eq("_id", "t1"), Outbox.append(event("e51")));
        relay.relay(tickets, "t1");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!published.contains("e51") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(published.contains("e51"), "a write after the run started is relayed too");
        relay.close();
    }

    @Test
    void aDocumentStuckOnItsLaneDoesNotHoldUpDocumentsOnOtherLanes() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        OutboxRelay relay =
                new OutboxRelay(
                        "test",
                        List.of(tickets),
                        recordingButHoldingAt("slow", busy, release),
                        Duration.ofSeconds(5),
                        4);
        insertWith("t-slow", event("slow"));
        String other = "t-0";
        for (int i = 1; relay.lane(tickets, other) == relay.lane(tickets, "t-slow"); i++) {
            other = "t-" + i;
        }
        insertWith(other, event("fast"));

        relay.relay(tickets, "t-slow");
        assertTrue(busy.await(10, TimeUnit.SECONDS), "t-slow's lane is busy publishing");
        relay.relay(tickets, other);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> published.contains("fast"));
        assertEquals(List.of("fast"), published, "published while t-slow still waits");

        release.countDown();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> published.contains("slow"));
        assertEquals(0, tickets.countDocuments(Outbox.pending()));
        relay.close();
    }

    @Test
    void onManyLanesEveryDocumentsEventsGoOutOnceInOrderAndNeverTwoAtOnce() throws Exception {
        int documents = 24;
        int writes = 15;
        java.util.Map<String, List<String>> perDocument =
                new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight =
                new java.util.concurrent.ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        OutboxRelay relay =
                new OutboxRelay(
                        "test",
                        List.of(tickets),
                        e -> {
                            String document = e.id().substring(0, e.id().indexOf('-'));
                            var running =
                                    inFlight.computeIfAbsent(
                                            document,
                                            d -> new java.util.concurrent.atomic.AtomicInteger());
                            if (running.incrementAndGet() > 1) {
                                overlaps.add(e.id());
                            }
                            try {
                                Thread.sleep(1); // long enough for a second relay to overlap
                            } catch (InterruptedException stop) {
                                Thread.currentThread().interrupt();
                            }
                            perDocument
                                    .computeIfAbsent(document, d -> new CopyOnWriteArrayList<>())
                                    .add(e.id());
                            running.decrementAndGet();
                            return CompletableFuture.completedFuture(null);
                        },
                        Duration.ofSeconds(5),
                        4);
        for (int d = 0; d < documents; d++) {
            insertWith("d" + d);
        }
        // Writers on several threads, each asking for a relay after each write, as requests do;
        // a sweep runs beside them, as it does every few seconds.
        java.util.concurrent.ExecutorService writers =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            String id = "d" + d;
            done.add(
                    writers.submit(
                            () -> {
                                for (int w = 0; w < writes; w++) {
                                    tickets.updateOne(
                                            Filters.eq("_id", id),
                                            Outbox.append(event(id + "-" + w)));
                                    relay.relay(tickets, id);
                                }
                            }));
        }
        relay.sweep();
        for (var f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                perDocument.values().stream().mapToInt(List::size).sum()
                                        >= documents * writes);
        relay.sweep();

        for (int d = 0; d < documents; d++) {
            List<String> expected = new ArrayList<>();
            for (int w = 0; w < writes; w++) {
                expected.add("d" + d + "-" + w);
            }
            assertEquals(expected, perDocument.get("d" + d), "d" + d + ": once each, in order");
        }
        assertEquals(List.of(), overlaps, "one document relayed twice at once");
        assertEquals(0, tickets.countDocuments(Outbox.pending()));
        relay.close();
    }

    @Test
    void relayingAnEventTakesOneReadAndOneWrite() {
        List<String> commands = new CopyOnWriteArrayList<>();
        try (com.mongodb.client.MongoClient counted =
                com.mongodb.client.MongoClients.create(
                        com.mongodb.MongoClientSettings.builder()
                                .applyConnectionString(
                                        new com.mongodb.ConnectionString(server.url()))
                                .addCommandListener(
                                        new com.mongodb.event.CommandListener() {
                                            @Override
                                            public void commandStarted(
                                                    com.mongodb.event.CommandStartedEvent e) {
                                                commands.add(e.getCommandName());
                                            }
                                        })
                                .build())) {
            MongoCollection<Document> countedTickets =
                    counted.getDatabase("outbox-test").getCollection("tickets");
            insertWith("t1", event("e1"));
            OutboxRelay relay = recordingRelay(countedTickets);

            commands.clear();
            assertEquals(
                    new OutboxRelay.Relayed(1, false), relay.relayDocument(countedTickets, "t1"));
            assertEquals(List.of("find", "update"), commands);
            assertTrue(outboxOf("t1").isEmpty());
            assertEquals(0, tickets.countDocuments(Outbox.pending()), "no longer marked pending");
            relay.close();
        }
    }

    @Test
    void eventsAnotherRelayTookOutMeanwhileLeaveTheDocumentClearedAndUnmarked() {
        insertWith("t1", event("e1"), event("e2"));
        OutboxRelay relay =
                relayOver(
                        tickets,
                        e -> {
                            if (e.id().equals("e1")) {
                                // a second instance published e1 too and cleared it first
                                tickets.updateOne(
                                        Filters.eq("_id", "t1"),
                                        Outbox.removePublished(List.of(e)));
                            }
                            published.add(e.id());
                            return CompletableFuture.completedFuture(null);
                        });

        assertEquals(new OutboxRelay.Relayed(2, false), relay.relayDocument(tickets, "t1"));
        assertTrue(outboxOf("t1").isEmpty());
        assertEquals(0, tickets.countDocuments(Outbox.pending()), "no longer marked pending");
        relay.close();
    }

    @Test
    void aMarkWithoutEventsIsCleared() {
        tickets.insertOne(
                new Document("_id", "t1")
                        .append(Outbox.FIELD, List.of())
                        .append(Outbox.SINCE, new java.util.Date()));
        OutboxRelay relay = relayOver(tickets, e -> CompletableFuture.completedFuture(null));

        assertEquals(0, relay.sweep());
        assertEquals(0, tickets.countDocuments(Outbox.pending()));
        relay.close();
    }

    @Test
    void theSweepPublishesWhatEveryDocumentHolds() {
        insertWith("t1", event("a1"));
        insertWith("t2", event("b1"), event("b2"));
        tickets.insertOne(new Document("_id", "t3").append("version", 0));
        OutboxRelay relay = recordingRelay(tickets);

        assertEquals(3, relay.sweep());
        assertEquals(List.of("a1", "b1", "b2"), published.stream().sorted().toList());
        assertEquals(0, relay.sweep());
        relay.close();
    }

    @Test
    void theSweepGoesOldestFirstThroughTheIndex() throws Exception {
        OutboxRelay.index(tickets);
        for (String id : List.of("t-old", "t-mid", "t-new")) {
            insertWith(id, event(id + "-e"));
            Thread.sleep(5); // distinct outboxSince instants (milliseconds)
        }
        // A later change to the oldest document keeps its place: it has waited longest.
        tickets.updateOne(Filters.eq("_id", "t-old"), Outbox.append(event("t-old-e2")));
        OutboxRelay relay = recordingRelay(tickets);

        assertEquals(4, relay.sweep());
        assertEquals(List.of("t-old-e", "t-old-e2", "t-mid-e", "t-new-e"), published);
        List<String> indexes = new java.util.ArrayList<>();
        tickets.listIndexes().forEach(i -> indexes.add(i.getString("name")));
        assertTrue(indexes.contains("pending_outbox_oldest_first"), indexes.toString());
        relay.close();
    }

    @Test
    void documentsThatCannotBePublishedNeverKeepTheOthersWaitingForever() throws Exception {
        for (int i = 0; i < 25; i++) {
            insertWith(String.format("stuck-%02d", i), event("stuck-" + i));
        }
        Thread.sleep(5);
        insertWith("t-fine", event("fine"));
        OutboxRelay relay =
                relayOver(
                        tickets,
                        e -> {
                            if (e.id().startsWith("stuck")) {
                                return CompletableFuture.failedFuture(
                                        new IllegalStateException("refused by the server"));
                            }
                            published.add(e.id());
                            return CompletableFuture.completedFuture(null);
                        });

        // Each sweep gives up after ten failures in a row, and the next one goes on from there.
        assertEquals(0, relay.sweep());
        assertEquals(0, relay.sweep());
        assertEquals(1, relay.sweep());
        assertEquals(List.of("fine"), published);
        relay.close();
    }

    /**
     * What an operator alerts on (ticketing_outbox_oldest_seconds): how long the oldest event a
     * sweep could not get out has waited, growing while NATS refuses, 0 once a sweep got it out.
     */
    @Test
    void theOldestEventASweepLeftWaitingIsTimedUntilASweepGetsItOut() {
        java.util.concurrent.atomic.AtomicBoolean natsUp =
                new java.util.concurrent.atomic.AtomicBoolean(false);
        OutboxRelay relay =
                relayOver(
                        tickets,
                        e -> {
                            if (!natsUp.get()) {
                                return CompletableFuture.failedFuture(
                                        new IllegalStateException("no NATS"));
                            }
                            published.add(e.id());
                            return CompletableFuture.completedFuture(null);
                        });
        assertEquals(0, relay.oldestWaitingSeconds(tickets), "before any sweep");
        insertWith("t-old", event("old"));
        tickets.updateOne(
                Filters.eq("_id", "t-old"),
                com.mongodb.client.model.Updates.set(
                        Outbox.SINCE, new java.util.Date(System.currentTimeMillis() - 90_000)));
        insertWith("t-new", event("new"));

        assertEquals(0, relay.sweep());
        double waited = relay.oldestWaitingSeconds(tickets);
        assertTrue(waited >= 90 && waited < 150, "waited " + waited);

        natsUp.set(true);
        assertEquals(2, relay.sweep());
        assertEquals(0, relay.oldestWaitingSeconds(tickets), "nothing left waiting");
        relay.close();
    }

    @Test
    void morePendingDocumentsThanAPageAreAllPublishedInOneSweep() {
        List<Document> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            many.add(
                    withOutbox(
                            new Document("_id", String.format("t%04d", i)).append("version", 0),
                            List.of(event("e" + i))));
        }
        tickets.insertMany(many);
        OutboxRelay relay = recordingRelay(tickets);

        assertEquals(1_200, relay.sweep());
        assertEquals(0, tickets.countDocuments(Outbox.pending()));
        relay.close();
    }

    @Test
    void theSweepSurvivesAnythingThrownAndKeepsRunning() {
        insertWith("t1", event("e1"));
        java.util.concurrent.atomic.AtomicInteger calls =
                new java.util.concurrent.atomic.AtomicInteger();
        OutboxRelay relay =
                relayOver(
                                tickets,
                                e -> {
                                    if (calls.incrementAndGet() == 1) {
                                        throw new StackOverflowError("a bug deep in a publisher");
                                    }
                                    published.add(e.id());
                                    return CompletableFuture.completedFuture(null);
                                })
                        .start(Duration.ofMillis(100));

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> published.contains("e1"));
        relay.close();
    }

    @Test
    void aDuplicateKeyIsRecognised() {
        tickets.insertOne(new Document("_id", "same"));
        try {
            tickets.insertOne(new Document("_id", "same"));
        } catch (RuntimeException e) {
            assertTrue(MongoStore.isDuplicateKey(e), e.toString());
            return;
        }
        throw new AssertionError("the second insert with the same _id was accepted");
    }

    @Test
    void pingAnswersWhileTheStoreRunsAndNotAfter() {
        assertTrue(store.ping(Duration.ofSeconds(2)));
        server.close();
        assertEquals(false, store.ping(Duration.ofSeconds(1)));
    }
}
