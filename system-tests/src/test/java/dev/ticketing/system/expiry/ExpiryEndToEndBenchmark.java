package dev.ticketing.system.expiry;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.ExpirationComplete;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Against the running local platform, started with a short hold ({@code ORDER_EXPIRATION_SECONDS=20
 * ./ticketing up --detach}): places N orders, lets them all expire unpaid, and prints how late each
 * expiry fired (expiration.complete seen on NATS minus the order's expiresAt) and how late the
 * order showed {@code cancelled} to its buyer. With {@code -Dbench.restart=true} the platform
 * server (timer-service with it) is stopped right after the orders are placed and started again
 * once half of them are due. Not part of the test run:
 *
 * <pre>
 * mvn -q -o install -DskipTests
 * mvn -q -o -pl system-tests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.ticketing.system.expiry.ExpiryEndToEndBenchmark -Dbench.orders=50 [-Dbench.restart=true]
 * </pre>
 *
 * Options: {@code -Dbench.url} (http://127.0.0.1:9080), {@code -Dbench.nats.url}
 * (nats://127.0.0.1:4222), {@code -Dbench.prefix} (ticketing), {@code -Dbench.orders} (50).
 */
public final class ExpiryEndToEndBenchmark {

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", "http://127.0.0.1:9080");
        System.setProperty("it.base.url", url);
        // The platform server ./ticketing runs, for the restart.
        System.setProperty("it.server.name", "ticketing");
        System.setProperty("it.wlp.dir", "../target/liberty/wlp");
        System.setProperty("it.wlp.user.dir", "../liberty-config/target/liberty/usr");
        int count = Integer.getInteger("bench.orders", 50);
        boolean restart = Boolean.getBoolean("bench.restart");
        String subject = System.getProperty("bench.prefix", "ticketing") + ".expiration.complete";

        Map<String, Instant> fired = new ConcurrentHashMap<>();
        try (Connection nats =
                Nats.connect(System.getProperty("bench.nats.url", "nats://127.0.0.1:4222"))) {
            Dispatcher dispatcher =
                    nats.createDispatcher(
                            m -> {
                                EventEnvelope<ExpirationComplete> event =
                                        Events.fromJson(
                                                new String(m.getData(), StandardCharsets.UTF_8),
                                                ExpirationComplete.class);
                                fired.putIfAbsent(event.data().orderId(), Instant.now());
                            });
            dispatcher.subscribe(subject);

            Marketplace market = new Marketplace();
            Marketplace.User seller = market.signUp("bench-seller");
            Marketplace.User buyer = market.signUp("bench-buyer");
            Map<String, Instant> expiresAt = new ConcurrentHashMap<>();
            for (int i = 0; i < count; i++) {
                String ticket = market.listTicket(seller, "Expiry benchmark " + i, "10.00");
                JsonObject order = market.order(buyer, ticket);
                expiresAt.put(order.getString("id"), Marketplace.expiresAt(order));
            }
            Instant firstDue = Collections.min(expiresAt.values());
            Instant lastDue = Collections.max(expiresAt.values());
            System.out.printf("placed %d orders, due from %s to %s%n", count, firstDue, lastDue);

            if (restart) {
                PlatformServer.stop();
                Instant half = firstDue.plus(Duration.between(firstDue, lastDue).dividedBy(2));
                while (Instant.now().isBefore(half)) {
                    Thread.sleep(100); // the benchmark's own schedule: stay down until half are due
                }
                System.out.println("restarting the platform server (timer-service with it)");
                PlatformServer.start();
            }

            Map<String, Instant> cancelled = new ConcurrentHashMap<>();
            Instant deadline = lastDue.plus(Duration.ofMinutes(3));
            while (cancelled.size() < count && Instant.now().isBefore(deadline)) {
                for (JsonValue v :
                        new dev.ticketing.testing.HttpApi()
                                .get(
                                        dev.ticketing.testing.ServiceUnderTest.url("/api/orders"),
                                        "Cookie",
                                        buyer.cookie())
                                .jsonArray()) {
                    JsonObject o = v.asJsonObject();
                    if ("cancelled".equals(o.getString("status"))) {
                        cancelled.putIfAbsent(o.getString("id"), Instant.now());
                    }
                }
                Thread.sleep(100); // polling interval of the measurement
            }
            report("expiry fired (expiration.complete on NATS) - expiresAt", expiresAt, fired);
            report("order shows cancelled - expiresAt", expiresAt, cancelled);
            System.out.printf(
                    "orders cancelled: %d of %d%s%n",
                    cancelled.size(), count, restart ? " (platform restarted halfway)" : "");
        }
    }

    private static void report(String what, Map<String, Instant> due, Map<String, Instant> seen) {
        List<Long> lateness = new ArrayList<>();
        due.forEach(
                (id, at) -> {
                    Instant s = seen.get(id);
                    if (s != null) {
                        lateness.add(Duration.between(at, s).toMillis());
                    }
                });
        Collections.sort(lateness);
        if (lateness.isEmpty()) {
            System.out.printf("%-58s none seen%n", what);
            return;
        }
        System.out.printf(
                "%-58s n=%d p50=%d ms p99=%d ms max=%d ms%n",
                what,
                lateness.size(),
                percentile(lateness, 50),
                percentile(lateness, 99),
                lateness.get(lateness.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
