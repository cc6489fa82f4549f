package dev.ticketing.timer.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServerCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * How late expiries fire, and what pending timers cost. Not part of the normal build (no *IT name);
 * run it with:
 *
 * <pre>
 * mvn -o verify -pl timer-service -Dit.test=ExpiryBenchmark -Dbench.orders=200 -Dbench.window=10s -Dbench.spread=10s
 * mvn -o verify -pl timer-service -Dit.test='ExpiryBenchmark#pendingTimers*' -Dbench.pending=10,10000
 * </pre>
 *
 * Run 1 publishes N order.created at once, each due {@code window} later. Run 2 spreads N due times
 * over {@code spread} after {@code window} and stops timer-service's server when half of them are
 * due, starting it again at once. Each prints p50/p99/max of (stored in the stream − expiresAt) and
 * of (timer fired − expiresAt), and asserts that every order expired exactly once. Run 3 ({@link
 * #pendingTimersCost}) measures event handling and expiry lateness with few and with many timers
 * pending, on a server of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpiryBenchmark {
    private final int orders = Integer.getInteger("bench.orders", 200);
    private final Duration window =
            Duration.parse("PT" + System.getProperty("bench.window", "10s").toUpperCase());
    private final Duration spread =
            Duration.parse("PT" + System.getProperty("bench.spread", "10s").toUpperCase());
    private LibertyServer server;
    private EventBus bus;

    @BeforeAll
    void connect() {
        server = LibertyServer.ofThisModule();
        bus =
                new EventBus(
                        LibertyServer.required("nats.url"),
                        LibertyServer.required("it.subject.prefix"));
    }

    @AfterAll
    void disconnect() {
        bus.close();
    }

    @Test
    @Order(1)
    void allDueAtOnce() {
        Map<String, Instant> due = new ConcurrentHashMap<>();
        Instant start = Instant.now();
        for (int i = 0; i < orders; i++) {
            String orderId = Orders.newOrderId();
            Instant expiresAt = Instant.now().plus(window);
            due.put(orderId, Orders.created(orderId, expiresAt).data().expiresAt());
            bus.publish(Orders.created(orderId, expiresAt));
        }
        Duration publishing = Duration.between(start, Instant.now());
        report(
                "run 1: "
                        + orders
                        + " orders published in "
                        + publishing.toMillis()
                        + " ms, each due "
                        + window
                        + " after its publish",
                due,
                window.plus(Duration.ofMinutes(3)));
    }

    @Test
    @Order(2)
    void restartedHalfway() {
        Map<String, Instant> due = new ConcurrentHashMap<>();
        Instant first = Instant.now().plus(window);
        for (int i = 0; i < orders; i++) {
            String orderId = Orders.newOrderId();
            Instant expiresAt = first.plusMillis(spread.toMillis() * i / Math.max(1, orders - 1));
            due.put(orderId, Orders.created(orderId, expiresAt).data().expiresAt());
            bus.publish(Orders.created(orderId, expiresAt));
        }
        Instant halfway = first.plus(spread.dividedBy(2));
        await().atMost(window.plus(spread).plusMinutes(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(halfway));
        Instant stopping = Instant.now();
        server.stop();
        Instant stopped = Instant.now();
        server.start();
        Instant ready = Instant.now();
        report(
                "run 2: "
                        + orders
                        + " orders due over "
                        + spread
                        + "; server stopped at the halfway due time ("
                        + Duration.between(stopping, stopped).toMillis()
                        + " ms to stop, "
                        + Duration.between(stopped, ready).toMillis()
                        + " ms to start and be ready)",
                due,
                window.plus(spread).plus(Duration.ofMinutes(5)));
    }

    /**
     * Run 3: the cost of pending timers. A server of its own (a copy of this module's with an empty
     * timer store: Derby, or PostgreSQL with {@code -Dbench.store=postgresql}), its own stream. For
     * each count in {@code bench.pending} (default 10,10000), in this order:
     *
     * <ol>
     *   <li>order.created of far-future orders until that many timers are pending (the preload);
     *   <li>{@code bench.events} (200) order.created, far future: per-event handling time, measured
     *       server-side as (stream acknowledged by timer-service's consumer − first publish) /
     *       events;
     *   <li>{@code bench.lookups} (200) reads of one order's timer in the admin view, and one full
     *       listing;
     *   <li>{@code bench.batch} (200) orders due at one instant {@code bench.scale.window} (20s)
     *       away: lateness (timer fired − due) with nothing else going on;
     *   <li>the same with traffic while the batch comes due: from 2 s before, {@code bench.events}
     *       order.created of new orders and order.cancelled of those from step 2;
     *   <li>order.cancelled of the orders created in step 5: per-event handling time.
     * </ol>
     *
     * Before the first count, {@code bench.warmup} (1000) orders are created and cancelled
     * unmeasured. The server and its store are thrown away afterwards (its directory deleted, or
     * its schema dropped).
     */
    @Test
    @Order(3)
    void pendingTimersCost() {
        int[] levels =
                Arrays.stream(System.getProperty("bench.pending", "10,10000").split(","))
                        .map(String::trim)
                        .mapToInt(Integer::parseInt)
                        .toArray();
        String store = System.getProperty("bench.store", "derby");
        String stream = LibertyServer.required("it.stream") + "-BENCH";
        String prefix = LibertyServer.required("it.subject.prefix") + "-bench";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ticketing.stream", stream);
        properties.put("ticketing.subject.prefix", prefix);
        Postgres postgres = new Postgres();
        String schema = "bench_" + LibertyServer.required("ticketing.run.id");
        if (store.equals("postgresql")) {
            assumeTrue(postgres.answers(), "SKIPPED: " + postgres.absent());
            postgres.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            properties.putAll(postgres.timerStore(schema));
        }
        ServerCopy copy = new ServerCopy("bench", properties);
        try {
            copy.start(Map.of()); // it creates its stream, from which the bus reads the expirations
            List<String> lines = new ArrayList<>();
            Scale scale;
            try (EventBus events = new EventBus(LibertyServer.required("nats.url"), prefix)) {
                scale = new Scale(copy, events, stream);
                scale.warmUp();
                for (int level : levels) {
                    lines.addAll(scale.measure(level));
                }
            }
            System.out.println();
            System.out.println(
                    "== run 3: pending timers ("
                            + store
                            + "; "
                            + scale.events
                            + " events per step; batch of "
                            + scale.batch
                            + " due "
                            + scale.window.toSeconds()
                            + " s after publishing)");
            lines.forEach(l -> System.out.println("   " + l));
            System.out.println();
        } finally {
            copy.stop();
            if (store.equals("postgresql")) {
                postgres.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            deleteTree(
                    Path.of(
                            LibertyServer.required("it.user.dir"),
                            "servers",
                            LibertyServer.required("it.server.name") + "-bench",
                            "data"));
        }
    }

    /** Run 3's steps against one server; the orders it keeps pending between counts. */
    private static final class Scale {
        private static final String CREATED = "timer-service-order-created";
        private static final String CANCELLED = "timer-service-order-cancelled";
        final int events = Integer.getInteger("bench.events", 200);
        final int lookups = Integer.getInteger("bench.lookups", 200);
        final int batch = Integer.getInteger("bench.batch", 200);
        final Duration window =
                Duration.parse(
                        "PT" + System.getProperty("bench.scale.window", "20s").toUpperCase());
        private final ServerCopy server;
        private final EventBus bus;
        private final String stream;
        private final HttpApi http = new HttpApi();
        private final List<String> background = new ArrayList<>();
        private final Instant farFuture = Instant.now().plus(Duration.ofDays(1));

        Scale(ServerCopy server, EventBus bus, String stream) {
            this.server = server;
            this.bus = bus;
            this.stream = stream;
        }

        /**
         * {@code bench.warmup} (1000) orders created and cancelled, 100 at a time, not measured:
         * the JIT and the pools warm up, and at most 100 more timers are pending meanwhile.
         */
        void warmUp() {
            int total = Integer.getInteger("bench.warmup", 1000);
            for (int done = 0; done < total; done += 100) {
                List<String> orders = newOrders(Math.min(100, total - done));
                apply(CREATED, orders.stream().map(id -> Orders.created(id, farFuture)).toList());
                apply(CANCELLED, orders.stream().map(Orders::cancelled).toList());
            }
        }

        List<String> measure(int pending) {
            List<String> lines = new ArrayList<>();
            lines.add("-- " + pending + " pending");
            // 1. The preload.
            List<String> more = newOrders(pending - background.size());
            if (!more.isEmpty()) {
                Duration preload =
                        apply(
                                CREATED,
                                more.stream().map(id -> Orders.created(id, farFuture)).toList());
                background.addAll(more);
                lines.add(
                        String.format(
                                "preload:  %6d order.created applied in %6.1f s  (%.2f ms per event)",
                                more.size(),
                                preload.toMillis() / 1000.0,
                                perEvent(preload, more.size())));
            }
            // 2. Scheduling.
            List<String> scheduled = newOrders(events);
            Duration created =
                    apply(
                            CREATED,
                            scheduled.stream().map(id -> Orders.created(id, farFuture)).toList());
            lines.add(
                    String.format(
                            "order.created   (%d pending -> %d): %7.2f ms per event",
                            pending, pending + events, perEvent(created, events)));
            // 3. The admin view.
            List<Long> reads = new ArrayList<>();
            for (int i = 0; i < lookups; i++) {
                String orderId =
                        i % 2 == 0
                                ? scheduled.get(i % scheduled.size())
                                : background.get(i % background.size());
                long start = System.nanoTime();
                HttpApi.Reply reply = http.get(server.operatorUrl("/internal/timers/" + orderId));
                reads.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(200, reply.status(), orderId + ": " + reply.body());
            }
            long start = System.nanoTime();
            HttpApi.Reply all = http.get(server.operatorUrl("/internal/timers"));
            long listing = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, all.status(), all.body());
            assertEquals(pending + events, all.jsonArray().size(), "timers listed");
            lines.add("admin view, one order:           " + stats(reads));
            lines.add("admin view, all " + (pending + events) + " listed:     " + listing + " ms");
            // 4. Lateness, nothing else going on.
            lines.add("lateness, idle:  " + lateness(List.of()));
            // 5. Lateness while events come in.
            List<String> traffic = newOrders(events);
            List<EventEnvelope<? extends EventPayload>> busy = new ArrayList<>();
            traffic.forEach(id -> busy.add(Orders.created(id, farFuture)));
            scheduled.forEach(id -> busy.add(Orders.cancelled(id)));
            lines.add("lateness, busy:  " + lateness(busy));
            // 6. Cancelling.
            Duration cancelled = apply(CANCELLED, traffic.stream().map(Orders::cancelled).toList());
            lines.add(
                    String.format(
                            "order.cancelled (%d pending -> %d): %7.2f ms per event",
                            pending + events, pending, perEvent(cancelled, events)));
            return lines;
        }

        /**
         * {@link #batch} orders due at one instant; from 2 s before it, {@code traffic} is
         * published. Returns fired − due over the batch (and how long applying the traffic took).
         */
        private String lateness(List<EventEnvelope<? extends EventPayload>> traffic) {
            Instant due = Instant.now().plus(window);
            Map<String, Instant> batchDue = new LinkedHashMap<>();
            List<EventEnvelope<? extends EventPayload>> creates = new ArrayList<>();
            for (String id : newOrders(batch)) {
                var created = Orders.created(id, due);
                batchDue.put(id, created.data().expiresAt());
                creates.add(created);
            }
            Duration scheduling = apply(CREATED, creates);
            String note =
                    String.format("(batch scheduled in %.1f s", scheduling.toMillis() / 1000.0);
            if (!traffic.isEmpty()) {
                await().atMost(window.plusMinutes(5))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> Instant.now().isAfter(due.minusSeconds(2)));
                Duration applied = publishAndAwait(traffic);
                note +=
                        String.format(
                                "; %d events around the due time applied in %.1f s, %.2f ms per event",
                                traffic.size(),
                                applied.toMillis() / 1000.0,
                                perEvent(applied, traffic.size()));
            }
            await("the batch expired")
                    .atMost(window.plusMinutes(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () ->
                                    batchDue.keySet().stream()
                                            .allMatch(id -> bus.expirationOf(id).isPresent()));
            List<Long> fired = new ArrayList<>();
            batchDue.forEach(
                    (id, at) -> {
                        List<EventBus.Published> expired = bus.expirationsOf(id);
                        assertEquals(1, expired.size(), "one expiration.complete for " + id);
                        fired.add(Duration.between(at, expired.get(0).occurredAt()).toMillis());
                    });
            return "fired - due " + stats(fired) + " " + note + ")";
        }

        /**
         * Publishes the events, all of one subject, and waits until timer-service acknowledged the
         * last.
         */
        private Duration apply(
                String durable, List<? extends EventEnvelope<? extends EventPayload>> events) {
            Instant start = Instant.now();
            long last = 0;
            for (EventEnvelope<? extends EventPayload> event : events) {
                last = bus.publish(event).getSeqno();
            }
            awaitAcknowledged(durable, last, events.size());
            return Duration.between(start, Instant.now());
        }

        /**
         * Publishes order.created and order.cancelled events and waits until both consumers
         * acknowledged theirs.
         */
        private Duration publishAndAwait(List<EventEnvelope<? extends EventPayload>> events) {
            Instant start = Instant.now();
            long lastCreated = 0;
            long lastCancelled = 0;
            for (EventEnvelope<? extends EventPayload> event : events) {
                long seq = bus.publish(event).getSeqno();
                if (event.data() instanceof OrderCreated) {
                    lastCreated = seq;
                } else {
                    lastCancelled = seq;
                }
            }
            awaitAcknowledged(CREATED, lastCreated, events.size());
            awaitAcknowledged(CANCELLED, lastCancelled, events.size());
            return Duration.between(start, Instant.now());
        }

        private void awaitAcknowledged(String durable, long sequence, int count) {
            await(durable + " acknowledged up to " + sequence)
                    .atMost(Duration.ofSeconds(60).plusMillis(500L * count))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> bus.acknowledgedUpTo(stream, durable) >= sequence);
        }

        private static List<String> newOrders(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(Orders.newOrderId());
            }
            return ids;
        }

        private static double perEvent(Duration total, int events) {
            return events == 0 ? 0 : total.toNanos() / 1e6 / events;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void report(String title, Map<String, Instant> due, Duration atMost) {
        await("every order expired")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                due.keySet().stream()
                                        .allMatch(id -> bus.expirationOf(id).isPresent()));
        List<Long> stored = new ArrayList<>();
        List<Long> fired = new ArrayList<>();
        for (Map.Entry<String, Instant> order : due.entrySet()) {
            List<EventBus.Published> events = bus.expirationsOf(order.getKey());
            assertEquals(1, events.size(), "one expiration.complete for " + order.getKey());
            stored.add(Duration.between(order.getValue(), events.get(0).storedAt()).toMillis());
            fired.add(Duration.between(order.getValue(), events.get(0).occurredAt()).toMillis());
        }
        System.out.println();
        System.out.println("== " + title);
        System.out.println("   lateness, stored in stream - expiresAt: " + stats(stored));
        System.out.println("   lateness, timer fired      - expiresAt: " + stats(fired));
        System.out.println();
    }

    private static String stats(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(
                "p50 %6d ms   p99 %6d ms   max %6d ms   min %6d ms   (n=%d)",
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.get(sorted.size() - 1),
                sorted.get(0),
                sorted.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
