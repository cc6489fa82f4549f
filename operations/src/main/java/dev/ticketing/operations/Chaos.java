package dev.ticketing.operations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flash sale of {@code ./ticketing chaos}: sellers list tickets, then buyers race for them for
 * a while (some pay with a good card, some are declined, some let their hold run out) while the
 * script kills and restarts every service, NATS and the store in turn; then it waits for the
 * marketplace to settle, runs {@link Audit}, and prints what happened. Requests that fail because a
 * server is down are counted and retried, as a shopper would. Exit status 0 only when the audit
 * finds nothing.
 */
public final class Chaos {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    Chaos(URI base) {
        this.base = base;
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private int counted(String what) {
        return Optional.ofNullable(counts.get(what)).map(AtomicInteger::get).orElse(0);
    }

    /** A signed-in shopper: the session cookie. */
    private record Shopper(String cookie) {}

    private record Reply(int status, String body, String cookie) {}

    private Reply post(String path, String json, String cookie) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String setCookie =
                    response.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("session="))
                            .map(c -> c.substring(0, c.indexOf(';')))
                            .findFirst()
                            .orElse(null);
            return new Reply(response.statusCode(), response.body(), setCookie);
        } catch (Exception e) {
            return new Reply(0, e.toString(), null); // the server is down right now
        }
    }

    /** Retries a request that met a server being restarted, until {@code patience} runs out. */
    private Reply persistently(String path, String json, String cookie, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Reply reply = post(path, json, cookie);
            if (reply.status() != 0 && reply.status() < 500 || Instant.now().isAfter(deadline)) {
                return reply;
            }
            count("requests failed while a server was down");
            pause(1000);
        }
    }

    private Shopper signUp() {
        String email = "chaos-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        Reply reply =
                persistently(
                        "/api/users/signup",
                        "{\"email\":\"" + email + "\",\"password\":\"chaos-pass-1\"}",
                        null,
                        Duration.ofMinutes(3));
        if (reply.status() != 201) {
            throw new IllegalStateException(
                    "sign-up failed: " + reply.status() + " " + reply.body());
        }
        return new Shopper(reply.cookie());
    }

    private static String idIn(String body) {
        Matcher m = ID.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    /** The sale: lists {@code tickets}, lets {@code buyers} race for them for {@code duration}. */
    void sell(int tickets, int buyers, Duration duration, int concurrency) throws Exception {
        List<Shopper> sellers = List.of(signUp(), signUp(), signUp());
        List<String> ticketIds = new ArrayList<>();
        for (int i = 0; i < tickets; i++) {
            Reply listed =
                    persistently(
                            "/api/tickets",
                            "{\"title\":\"Chaos show seat "
                                    + i
                                    + "\",\"price\":"
                                    + (10 + i % 90)
                                    + ".50}",
                            sellers.get(i % sellers.size()).cookie(),
                            Duration.ofMinutes(3));
            if (listed.status() == 201) {
                ticketIds.add(idIn(listed.body()));
            }
        }
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            shoppers.add(signUp());
        }
        Instant end = Instant.now().plus(duration);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.execute(
                    () -> {
                        while (Instant.now().isBefore(end)) {
                            Shopper buyer =
                                    shoppers.get(
                                            ThreadLocalRandom.current().nextInt(shoppers.size()));
                            String ticket =
                                    ticketIds.get(
                                            ThreadLocalRandom.current().nextInt(ticketIds.size()));
                            shop(buyer, ticket);
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 300, TimeUnit.SECONDS);
    }

    /** One shopper's try: order the ticket, then pay, be declined, or walk away. */
    private void shop(Shopper buyer, String ticket) {
        Reply order = post("/api/orders", "{\"ticketId\":\"" + ticket + "\"}", buyer.cookie());
        if (order.status() == 0 || order.status() >= 500) {
            count("requests failed while a server was down");
            pause(500);
            return;
        }
        if (order.status() != 201) {
            count("orders refused (" + order.status() + ")");
            pause(100);
            return;
        }
        count("orders placed");
        String orderId = idIn(order.body());
        int choice = ThreadLocalRandom.current().nextInt(10);
        if (choice < 5) {
            Reply paid =
                    persistently(
                            "/api/payments",
                            "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_visa\"}",
                            buyer.cookie(),
                            Duration.ofSeconds(20));
            count(
                    paid.status() == 201
                            ? "payments accepted"
                            : "payments refused (" + paid.status() + ")");
        } else if (choice < 7) {
            Reply declined =
                    post(
                            "/api/payments",
                            "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_chargeDeclined\"}",
                            buyer.cookie());
            count(
                    declined.status() == 402
                            ? "cards declined"
                            : "declines answered " + declined.status());
        } else {
            count("holds left to expire");
        }
    }

    /**
     * Waits until every server answers its readiness check (they were just restarted), or {@code
     * by}.
     */
    void awaitReady(List<URI> readiness, Instant by) {
        for (URI url : readiness) {
            while (Instant.now().isBefore(by)) {
                try {
                    HttpResponse<String> r =
                            http.send(
                                    HttpRequest.newBuilder(url)
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (Exception e) {
                    // still starting
                }
                pause(1000);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the command line
    // ------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws Exception {
        String url = "http://127.0.0.1:9080";
        String store = System.getenv().getOrDefault("MONGODB_URL", "mongodb://127.0.0.1:27017");
        String nats = System.getenv().getOrDefault("NATS_URL", "nats://127.0.0.1:4222");
        String stream = System.getenv().getOrDefault("TICKETING_STREAM", "TICKETING");
        String prefix = System.getenv().getOrDefault("TICKETING_SUBJECT_PREFIX", "ticketing");
        int tickets = 60;
        int buyers = 120;
        int concurrency = 16;
        Duration duration = Duration.ofMinutes(3);
        Duration settle = Duration.ofMinutes(5);
        List<URI> ready = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--store" -> store = args[++i];
                case "--nats" -> nats = args[++i];
                case "--stream" -> stream = args[++i];
                case "--prefix" -> prefix = args[++i];
                case "--tickets" -> tickets = Integer.parseInt(args[++i]);
                case "--buyers" -> buyers = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> duration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--ready" -> ready.add(URI.create(args[++i]));
                default -> {
                    out.println(
                            "usage: chaos --url URL [--store URL] [--nats URL] [--stream S] [--prefix P]"
                                    + " [--tickets N] [--buyers N] [--concurrency N] [--seconds N] [--settle SECONDS]"
                                    + " [--ready HEALTH_URL]...");
                    return 2;
                }
            }
        }
        Chaos chaos = new Chaos(URI.create(url));
        Instant started = Instant.now();
        out.println(
                "Chaos: "
                        + tickets
                        + " tickets, "
                        + buyers
                        + " buyers ("
                        + concurrency
                        + " at once) for "
                        + duration.toSeconds()
                        + " s against "
                        + url);
        chaos.sell(tickets, buyers, duration, concurrency);
        Instant saleEnded = Instant.now();
        out.println(
                "Chaos: the sale is over; waiting for the marketplace to settle (up to "
                        + settle.toSeconds()
                        + " s)");
        Instant settleBy = Instant.now().plus(settle);
        chaos.awaitReady(ready, settleBy);
        Audit audit = new Audit(Audit.Target.onOneStore(store, nats, stream, prefix));
        Audit.Report report =
                audit.run(
                        Duration.between(Instant.now(), settleBy).isNegative()
                                ? Duration.ZERO
                                : Duration.between(Instant.now(), settleBy));
        Duration toSettle = Duration.between(saleEnded, Instant.now());

        out.println();
        out.println(
                "Chaos run over ("
                        + Duration.between(started, Instant.now()).toSeconds()
                        + " s in all):");
        chaos.counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-44s %6d%n", e.getKey(), e.getValue().get()));
        try (MongoClient mongo = MongoClients.create(store)) {
            var orders = mongo.getDatabase("orders").getCollection("orders");
            out.printf(
                    "  %-44s %6d%n",
                    "orders stored", orders.countDocuments(Filters.exists("userId")));
            out.printf(
                    "  %-44s %6d%n",
                    "orders sold (complete)",
                    orders.countDocuments(Filters.eq("status", "complete")));
            out.printf(
                    "  %-44s %6d%n",
                    "orders cancelled (expired)",
                    orders.countDocuments(
                            Filters.and(
                                    Filters.eq("status", "cancelled"), Filters.exists("userId"))));
            out.printf(
                    "  %-44s %6d%n",
                    "charges refunded",
                    mongo.getDatabase("payments")
                                    .getCollection("attempts")
                                    .countDocuments(Filters.eq("state", "REFUNDED"))
                            + mongo.getDatabase("payments")
                                    .getCollection("orders")
                                    .countDocuments(Filters.exists("payment.refundId")));
        }
        out.printf("  %-44s %6d s%n", "time to settle after the sale", toSettle.toSeconds());
        report.violations().forEach(v -> out.println("VIOLATION " + v));
        out.println("Audit: " + report.summary());
        return report.clean() && chaos.counted("orders placed") > 0 ? 0 : 1;
    }
}
