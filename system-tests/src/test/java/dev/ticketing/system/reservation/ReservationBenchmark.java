package dev.ticketing.system.reservation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.ticketing.testing.HttpApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;

/**
 * Against the running local platform ({@code ./ticketing up --detach}): lists M tickets, watches
 * each become orderable in order-service, then lets B buyers race for all of them over HTTP. Prints
 * orders per second, p50/p99 latency of POST /api/orders, tickets sold twice (must be 0) and
 * p50/p99 delay from ticket.created (the 201 of POST /api/tickets) to orderable (order-service's
 * copy stored, seen by polling its database every few milliseconds). Not part of the test run:
 *
 * <pre>
 * mvn -q -o install -DskipTests -pl system-tests -am
 * mvn -q -o -pl system-tests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.ticketing.system.reservation.ReservationBenchmark -Dbench.tickets=200 -Dbench.buyers=20
 * </pre>
 *
 * Options: {@code -Dbench.url} (http://127.0.0.1:9080), {@code -Dbench.store.url}
 * (mongodb://127.0.0.1:27017), {@code -Dbench.tickets} (M, 200), {@code -Dbench.buyers} (B, 20).
 */
public final class ReservationBenchmark {
    private static final HttpApi HTTP = new HttpApi();

    private record User(String id, String cookie) {}

    private record Listed(String id, long listedNanos) {}

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            System.exit(2);
        }
    }

    private static void run() throws Exception {
        String base = System.getProperty("bench.url", "http://127.0.0.1:9080");
        String storeUrl = System.getProperty("bench.store.url", "mongodb://127.0.0.1:27017");
        int tickets = Integer.getInteger("bench.tickets", 200);
        int buyerCount = Integer.getInteger("bench.buyers", 20);
        System.out.printf(
                "Ticketing reservation benchmark: %d tickets, %d buyers, %s%n",
                tickets, buyerCount, base);

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(buyerCount, 8));
        User seller = signUp(base);
        List<Future<User>> signUps = new ArrayList<>();
        for (int i = 0; i < buyerCount; i++) {
            signUps.add(pool.submit(() -> signUp(base)));
        }
        List<User> buyers = new ArrayList<>();
        for (Future<User> f : signUps) {
            buyers.add(f.get());
        }
        System.out.printf("signed up 1 seller and %d buyers%n", buyers.size());

        // List the tickets (8 at a time) while a watcher polls order-service's store for their
        // copies.
        Map<String, Long> orderableAt = new ConcurrentHashMap<>();
        Set<String> watched = ConcurrentHashMap.newKeySet();
        List<Listed> listed = Collections.synchronizedList(new ArrayList<>());
        try (MongoClient mongo = MongoClients.create(storeUrl)) {
            MongoCollection<Document> copies = mongo.getDatabase("orders").getCollection("tickets");
            Thread watcher = new Thread(() -> watch(copies, watched, orderableAt, tickets));
            watcher.start();
            List<Future<?>> listing = new ArrayList<>();
            ExecutorService sellers = Executors.newFixedThreadPool(8);
            for (int i = 0; i < tickets; i++) {
                int n = i;
                listing.add(
                        sellers.submit(
                                () -> {
                                    HttpApi.Reply r =
                                            HTTP.post(
                                                    URI.create(base + "/api/tickets"),
                                                    "{\"title\":\"Bench "
                                                            + n
                                                            + "\",\"price\":"
                                                            + (10 + n % 90)
                                                            + ".00}",
                                                    "Cookie",
                                                    seller.cookie());
                                    if (r.status() != 201) {
                                        throw new IllegalStateException(
                                                "POST /api/tickets: "
                                                        + r.status()
                                                        + " "
                                                        + r.body());
                                    }
                                    String id = r.json().getString("id");
                                    listed.add(new Listed(id, System.nanoTime()));
                                    watched.add(id);
                                }));
            }
            for (Future<?> f : listing) {
                f.get();
            }
            sellers.shutdown();
            watcher.join(120_000);
        }
        List<Double> orderable = new ArrayList<>();
        for (Listed l : listed) {
            Long seen = orderableAt.get(l.id());
            if (seen != null) {
                orderable.add(Math.max(0, seen - l.listedNanos()) / 1e6);
            }
        }

        // The race: every buyer walks all tickets in its own random order, ordering each one.
        List<String> ids = listed.stream().map(Listed::id).toList();
        Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
        ids.forEach(id -> wins.put(id, new AtomicInteger()));
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> racers = new ArrayList<>();
        for (User buyer : buyers) {
            racers.add(
                    pool.submit(
                            () -> {
                                List<String> mine = new ArrayList<>(ids);
                                Collections.shuffle(mine);
                                go.await();
                                for (String id : mine) {
                                    if (wins.get(id).get() > 0) {
                                        continue; // a real buyer sees it gone from the list
                                    }
                                    long start = System.nanoTime();
                                    HttpApi.Reply r =
                                            HTTP.post(
                                                    URI.create(base + "/api/orders"),
                                                    "{\"ticketId\":\"" + id + "\"}",
                                                    "Cookie",
                                                    buyer.cookie());
                                    latencies.add((System.nanoTime() - start) / 1e6);
                                    if (r.status() == 201) {
                                        wins.get(id).incrementAndGet();
                                    } else if (r.status() == 400
                                            && r.body().contains("Ticket is already reserved")) {
                                        refused.incrementAndGet();
                                    } else {
                                        failed.incrementAndGet();
                                    }
                                }
                                return null;
                            }));
        }
        long raceStart = System.nanoTime();
        go.countDown();
        for (Future<?> f : racers) {
            f.get();
        }
        double seconds = (System.nanoTime() - raceStart) / 1e9;
        pool.shutdown();

        long sold = wins.values().stream().filter(w -> w.get() >= 1).count();
        long soldTwice = wins.values().stream().filter(w -> w.get() > 1).count();
        long storedTwice;
        try (MongoClient mongo = MongoClients.create(storeUrl)) {
            MongoCollection<Document> orders = mongo.getDatabase("orders").getCollection("orders");
            Map<String, Integer> open = new ConcurrentHashMap<>();
            orders.find(
                            Filters.and(
                                    Filters.in("ticket.id", ids),
                                    Filters.ne("status", "cancelled")))
                    .projection(Projections.include("ticket.id"))
                    .forEach(
                            d ->
                                    open.merge(
                                            d.get("ticket", Document.class).getString("id"),
                                            1,
                                            Integer::sum));
            storedTwice = open.values().stream().filter(n -> n > 1).count();
        }
        List<Double> post = new ArrayList<>(latencies);
        System.out.println("-- results");
        System.out.printf(
                "orders placed:            %d of %d tickets (%d refused as already reserved, %d other failures)%n",
                sold, ids.size(), refused.get(), failed.get());
        System.out.printf(
                "orders per second:        %.1f successful, %.1f POST /api/orders in all (race took %.2f s)%n",
                sold / seconds, post.size() / seconds, seconds);
        System.out.printf(
                "POST /api/orders latency: p50 %.1f ms, p99 %.1f ms (%d requests)%n",
                percentile(post, 50), percentile(post, 99), post.size());
        System.out.printf(
                "tickets sold twice:       %d (HTTP 201s), %d (open orders stored)%n",
                soldTwice, storedTwice);
        System.out.printf(
                "ticket.created -> orderable: p50 %.1f ms, p99 %.1f ms (%d of %d tickets seen)%n",
                percentile(orderable, 50), percentile(orderable, 99), orderable.size(), ids.size());
        if (soldTwice > 0 || storedTwice > 0) {
            throw new IllegalStateException("a ticket was sold twice");
        }
    }

    /** Polls order-service's copies of the listed tickets until all of them are there. */
    private static void watch(
            MongoCollection<Document> copies,
            Set<String> watched,
            Map<String, Long> orderableAt,
            int expected) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (orderableAt.size() < expected && System.nanoTime() < deadline) {
            List<String> pending =
                    watched.stream().filter(id -> !orderableAt.containsKey(id)).toList();
            if (!pending.isEmpty()) {
                copies.find(Filters.in("_id", pending))
                        .projection(Projections.include("_id"))
                        .forEach(
                                d ->
                                        orderableAt.putIfAbsent(
                                                d.getString("_id"), System.nanoTime()));
            }
            try {
                Thread.sleep(5); // the poll interval of the measurement, not a wait for a result
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static User signUp(String base) {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        HttpApi.Reply r =
                HTTP.post(
                        URI.create(base + "/api/users/signup"),
                        "{\"email\":\"" + email + "\",\"password\":\"bench-pass\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + r.status() + " " + r.body());
        }
        String cookie =
                r.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no session cookie"));
        return new User(r.json().getString("id"), cookie.substring(0, cookie.indexOf(';')));
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(
                Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
