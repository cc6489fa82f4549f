package dev.ticketing.timer.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * How late expiries fire. Not part of the normal build (no *IT name); run it against this module's
 * server with:
 * <pre>
 * mvn -o verify -pl timer-service -Dit.test=ExpiryBenchmark -Dbench.orders=200 -Dbench.window=10s -Dbench.spread=10s
 * </pre>
 * Run 1 publishes N order.created at once, each due {@code window} later. Run 2 spreads N due times
 * over {@code spread} after {@code window} and stops timer-service's server when half of them are
 * due, starting it again at once. Each prints p50/p99/max of (stored in the stream − expiresAt) and
 * of (timer fired − expiresAt), and asserts that every order expired exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpiryBenchmark {
    private final int orders = Integer.getInteger("bench.orders", 200);
    private final Duration window = Duration.parse("PT" + System.getProperty("bench.window", "10s").toUpperCase());
    private final Duration spread = Duration.parse("PT" + System.getProperty("bench.spread", "10s").toUpperCase());
    private LibertyServer server;
    private EventBus bus;

    @BeforeAll
    void connect() {
        server = LibertyServer.ofThisModule();
        bus = new EventBus(LibertyServer.required("nats.url"), LibertyServer.required("it.subject.prefix"));
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
        report("run 1: " + orders + " orders published in " + publishing.toMillis() + " ms, each due " + window
                + " after its publish", due, window.plus(Duration.ofMinutes(3)));
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
        await().atMost(window.plus(spread).plusMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(halfway));
        Instant stopping = Instant.now();
        server.stop();
        Instant stopped = Instant.now();
        server.start();
        Instant ready = Instant.now();
        report("run 2: " + orders + " orders due over " + spread + "; server stopped at the halfway due time ("
                + Duration.between(stopping, stopped).toMillis() + " ms to stop, "
                + Duration.between(stopped, ready).toMillis() + " ms to start and be ready)",
                due, window.plus(spread).plus(Duration.ofMinutes(5)));
    }

    private void report(String title, Map<String, Instant> due, Duration atMost) {
        await("every order expired").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> due.keySet().stream().allMatch(id -> bus.expirationOf(id).isPresent()));
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
        return String.format("p50 %6d ms   p99 %6d ms   max %6d ms   min %6d ms   (n=%d)",
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.get(0), sorted.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
