package dev.ticketing.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * {@code ./ticketing bench}: a flash sale on the running platform, measured side by side with an
 * anchor (a bare JAX-RS POST on the same Liberty and JVM flags, started by the script), with the
 * same client code for both (README, "Benchmarks", says how to read it).
 *
 * <ol>
 *   <li>Sign-up of the buyers and a seller; a warm-up sale on both sides, not counted.
 *   <li>Event lag, one sample at a time: a ticket is listed and a buyer orders it until
 *       order-service knows it ({@code ticket.created} → orderable); that order is cancelled and
 *       another buyer orders until the ticket is free again ({@code order.cancelled} →
 *       re-orderable). Each is timed from the 201/204 that caused it, so it includes one request.
 *   <li>The sale: every buyer wants one ticket and orders random tickets not known to be gone until
 *       one is theirs or none is left, {@code clients} requests at a time; first against the anchor
 *       (which never says no: one request each), then against the platform. Each measured phase
 *       starts once the platform's processes are idle (under a tenth of a core for a second, or 3 %
 *       of a core each when there are more than three).
 *   <li>Figures: requests/s and p50/p90/p99 of each side (HdrHistogram), their ratios, tickets that
 *       two buyers got (must be 0), answers other than 2xx/4xx (must be 0), the lags, and the
 *       resident memory of the processes the script names.
 * </ol>
 */
public final class FlashSaleBench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final URI platform;
    private final URI anchor;
    private final int clients;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    record Buyer(String cookie) {}

    record Reply(int status, String body) {}

    /** One side's sale: its histogram, how long it took, what it answered. */
    record Sale(
            Histogram latency,
            double seconds,
            int requests,
            int won,
            int oversold,
            int refused,
            int errors,
            String firstError) {
        double perSecond() {
            return requests / seconds;
        }

        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        /** This sale and {@code next} as one: their requests, time and latencies together. */
        Sale and(Sale next) {
            Histogram both = latency.copy();
            both.add(next.latency);
            return new Sale(
                    both,
                    seconds + next.seconds,
                    requests + next.requests,
                    won + next.won,
                    oversold + next.oversold,
                    refused + next.refused,
                    errors + next.errors,
                    firstError != null ? firstError : next.firstError);
        }
    }

    /**
     * The anchor answers a whole sale in a fraction of a second, too short for a steady figure: its
     * sale is run again (it holds nothing, so the same tickets serve) until it lasted this long.
     */
    private static final double ANCHOR_SECONDS = 5;

    FlashSaleBench(URI platform, URI anchor, int clients) {
        this.platform = platform;
        this.anchor = anchor;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        String url =
                "http://127.0.0.1:" + System.getenv().getOrDefault("TICKETING_HTTP_PORT", "9080");
        String anchorUrl = "http://127.0.0.1:9094";
        int tickets = 1000;
        int buyers = 2000;
        int clients = 32;
        int warmup = 500;
        int warmupSeconds = 30;
        int lagSamples = 40;
        int preload = 0;
        Map<String, Long> processes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--anchor" -> anchorUrl = args[i + 1];
                case "--tickets" -> tickets = Integer.parseInt(args[i + 1]);
                case "--buyers" -> buyers = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--lag-samples" -> lagSamples = Integer.parseInt(args[i + 1]);
                case "--preload" -> preload = Integer.parseInt(args[i + 1]);
                case "--process" -> {
                    String[] named = args[i + 1].split("=", 2);
                    processes.put(named[0], Long.parseLong(named[1]));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (buyers < tickets) {
            throw new IllegalArgumentException("--buyers must be at least --tickets");
        }
        FlashSaleBench bench = new FlashSaleBench(URI.create(url), URI.create(anchorUrl), clients);
        boolean clean =
                bench.run(tickets, buyers, warmup, warmupSeconds, lagSamples, preload, processes);
        System.exit(clean ? 0 : 1);
    }

    boolean run(
            int tickets,
            int buyerCount,
            int warmup,
            int warmupSeconds,
            int lagSamples,
            int preload,
            Map<String, Long> processes)
            throws Exception {
        System.out.printf(
                "Flash sale: %d tickets, %d buyers, %d clients; platform %s, anchor %s%n",
                tickets, buyerCount, clients, platform, anchor);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            Buyer seller = signUp();
            List<Buyer> buyers = signUpAll(pool, buyerCount);
            if (preload > 0) {
                preload(pool, seller, buyers, preload);
            }
            List<String> warm = list(pool, seller, Math.min(warmup, tickets), "Warm-up");
            List<String> onSale = list(pool, seller, tickets, "Flash sale");
            System.out.printf("Signed up %d buyers; listed %d tickets%n", buyers.size(), tickets);

            // Warm-up on both sides (the JIT, the pools, the caches), not counted: buyers order
            // the warm-up tickets at random for that long, most of them taken by then.
            warm(pool, platform, buyers, warm, warmupSeconds);
            warm(pool, anchor, buyers, warm, warmupSeconds);

            // Each measured phase starts once the platform has done what the last one caused
            // (events, timers): on two cores that work would be measured against the next phase.
            Buyer first = buyers.get(buyers.size() - 1);
            Buyer second = buyers.get(buyers.size() - 2);
            // One sample not counted: its ticket is orderable once every listing before it is.
            lags(seller, first, second, new Histogram(3), new Histogram(3));
            awaitQuiet(processes);
            Histogram orderable = new Histogram(3);
            Histogram reorderable = new Histogram(3);
            for (int i = 0; i < lagSamples; i++) {
                lags(seller, first, second, orderable, reorderable);
                Thread.sleep(20);
            }

            awaitQuiet(processes);
            Sale bare = sell(pool, anchor, buyers, onSale);
            while (bare.seconds() < ANCHOR_SECONDS) {
                bare = bare.and(sell(pool, anchor, buyers, onSale));
            }
            awaitQuiet(processes);
            java.time.Instant began = java.time.Instant.now();
            // the client too: on one machine it takes CPU from the platform
            Map<String, Long> counted = new LinkedHashMap<>(processes);
            counted.put("client", ProcessHandle.current().pid());
            Map<String, Long> cpuBefore = cpuTicksEach(counted);
            Sale sale = sell(pool, platform, buyers, onSale);
            // When, for a profile taken meanwhile (README, "The flash-sale benchmark").
            System.out.printf(
                    "The sale on the platform: %s to %s%n", began, java.time.Instant.now());
            double tail = awaitQuiet(processes);
            // What each process spent on the sale and on the events it caused, per order placed.
            Map<String, Long> cpuAfter = cpuTicksEach(counted);
            StringBuilder perOrder = new StringBuilder();
            for (String name : counted.keySet()) {
                double ms = (cpuAfter.get(name) - cpuBefore.get(name)) * 10.0 / sale.won();
                perOrder.append(
                        String.format("%s%s %.1f ms", perOrder.isEmpty() ? "" : ", ", name, ms));
            }
            boolean clean = report(sale, bare, orderable, reorderable, processes);
            if (sale.won() > 0) {
                System.out.printf(
                        "CPU per order placed:              %s (the sale and its events: idle %.0f s"
                                + " after its last answer)%n",
                        perOrder, tail);
            }
            return clean;
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean report(
            Sale sale,
            Sale bare,
            Histogram orderable,
            Histogram reorderable,
            Map<String, Long> processes) {
        System.out.println();
        System.out.printf("%-34s %18s %18s%n", "", "POST /api/orders", "anchor POST");
        System.out.printf("%-34s %18d %18d%n", "requests", sale.requests(), bare.requests());
        System.out.printf(
                "%-34s %18.0f %18.0f%n", "requests per second", sale.perSecond(), bare.perSecond());
        for (double p : new double[] {50, 90, 99}) {
            System.out.printf(
                    "%-34s %18.1f %18.1f%n", "p" + (int) p + " (ms)", sale.ms(p), bare.ms(p));
        }
        double rateRatio = 100 * sale.perSecond() / bare.perSecond();
        double p99Ratio = sale.ms(99) / bare.ms(99);
        System.out.println();
        System.out.printf(
                "orders/s against the anchor:       %.1f %% (target >= 30 %%)%n", rateRatio);
        System.out.printf("p99 against the anchor:            %.1fx (target <= 5x)%n", p99Ratio);
        System.out.printf(
                "orders placed:                     %d; refused (4xx: taken, hold cap): %d%n",
                sale.won(), sale.refused());
        System.out.printf(
                "tickets sold twice:                %d (must be 0; ./ticketing audit checks the store)%n",
                sale.oversold());
        System.out.printf(
                "answers other than 2xx/4xx:        %d platform, %d anchor (must be 0)%s%s%n",
                sale.errors(),
                bare.errors(),
                sale.firstError() == null ? "" : "; platform's first: " + sale.firstError(),
                bare.firstError() == null ? "" : "; anchor's first: " + bare.firstError());
        System.out.printf(
                "ticket.created -> orderable:       p50 %.1f ms, p99 %.1f ms (%d samples; target p50"
                        + " < 20, p99 < 100)%n",
                orderable.getValueAtPercentile(50) / 1e6,
                orderable.getValueAtPercentile(99) / 1e6,
                orderable.getTotalCount());
        System.out.printf(
                "order.cancelled -> re-orderable:   p50 %.1f ms, p99 %.1f ms (%d samples)%n",
                reorderable.getValueAtPercentile(50) / 1e6,
                reorderable.getValueAtPercentile(99) / 1e6,
                reorderable.getTotalCount());
        long total = 0;
        StringBuilder each = new StringBuilder();
        for (Map.Entry<String, Long> p : processes.entrySet()) {
            long kb = residentKb(p.getValue());
            total += Math.max(0, kb);
            each.append(
                    String.format(
                            "%s%s %s",
                            each.length() == 0 ? "" : ", ",
                            p.getKey(),
                            kb < 0 ? "gone" : (kb / 1024) + " MB"));
        }
        if (!processes.isEmpty()) {
            System.out.printf(
                    "resident memory after the run:     %s; %d MB in all (target < 1024)%n",
                    each, total / 1024);
        }
        // The platform's faults only: the anchor is a yardstick, and a connection it dropped
        // (printed above) says nothing about the marketplace.
        return sale.oversold() == 0 && sale.errors() == 0;
    }

    /**
     * Every buyer wants one ticket of {@code tickets}: orders random ones not known to be gone
     * until one is theirs or none is left.
     */
    Sale sell(ExecutorService pool, URI side, List<Buyer> buyers, List<String> tickets)
            throws Exception {
        Map<String, AtomicInteger> wins = new ConcurrentHashMap<>();
        tickets.forEach(t -> wins.put(t, new AtomicInteger()));
        Set<String> gone = ConcurrentHashMap.newKeySet();
        Histogram latency = new ConcurrentHistogram(3);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        URI orders = side.resolve("/api/orders");
        List<Future<?>> walks = new ArrayList<>();
        long start = System.nanoTime();
        for (Buyer buyer : buyers) {
            walks.add(
                    pool.submit(
                            () -> {
                                List<String> left = new ArrayList<>(tickets);
                                while (!left.isEmpty()) {
                                    String ticket =
                                            left.remove(
                                                    ThreadLocalRandom.current()
                                                            .nextInt(left.size()));
                                    if (gone.contains(ticket)) {
                                        continue; // a real buyer sees it gone from the list
                                    }
                                    long sent = System.nanoTime();
                                    Reply r =
                                            post(
                                                    orders,
                                                    "{\"ticketId\":\"" + ticket + "\"}",
                                                    buyer.cookie());
                                    latency.recordValue(System.nanoTime() - sent);
                                    requests.incrementAndGet();
                                    if (r.status() == 201) {
                                        wins.get(ticket).incrementAndGet();
                                        gone.add(ticket);
                                        return null;
                                    }
                                    if (r.status() >= 400 && r.status() < 500) {
                                        refused.incrementAndGet();
                                        gone.add(ticket);
                                        if (r.body().contains("You already hold")) {
                                            return null;
                                        }
                                    } else {
                                        errors.incrementAndGet();
                                        synchronized (firstError) {
                                            if (firstError[0] == null) {
                                                firstError[0] = r.status() + " " + r.body();
                                            }
                                        }
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> walk : walks) {
            walk.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int won = (int) wins.values().stream().filter(w -> w.get() >= 1).count();
        int oversold = (int) wins.values().stream().filter(w -> w.get() > 1).count();
        return new Sale(
                latency,
                seconds,
                requests.get(),
                won,
                side.equals(anchor) ? 0 : oversold,
                refused.get(),
                errors.get(),
                firstError[0]);
    }

    /**
     * Data already in the stores before anything is measured, so the sale shows whether an order
     * costs more with more data: {@code count} listings, each ordered by a random buyer who then
     * lets it go (the buyers' history, not holds that would count against their hold slots or
     * expire during the sale). Through the API like any seller and buyer, so every service holds
     * its own share of it.
     */
    private void preload(ExecutorService pool, Buyer seller, List<Buyer> buyers, int count)
            throws Exception {
        long start = System.nanoTime();
        List<String> listed = list(pool, seller, count, "Preloaded");
        System.out.printf(
                "Preload: listed %d tickets in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        URI orders = platform.resolve("/api/orders");
        List<Future<?>> placed = new ArrayList<>();
        // The rate of every step as the stores fill: flat if an order costs the same with more
        // data, falling if it does not.
        int step = Math.max(1_000, count / 20);
        AtomicInteger done = new AtomicInteger();
        AtomicLong stepStart = new AtomicLong(start);
        for (String ticket : listed) {
            placed.add(
                    pool.submit(
                            () -> {
                                Buyer buyer =
                                        buyers.get(
                                                ThreadLocalRandom.current().nextInt(buyers.size()));
                                // 404 until order-service has the copy from ticket.created;
                                // asked less and less often, so that 32 clients asking every
                                // millisecond do not take the CPU the events need
                                Reply held =
                                        awaitAnswer(
                                                orders,
                                                "{\"ticketId\":\"" + ticket + "\"}",
                                                buyer,
                                                201,
                                                64);
                                cancel(idOf(held, "POST /api/orders"), buyer);
                                int n = done.incrementAndGet();
                                if (n % step == 0) {
                                    long now = System.nanoTime();
                                    long was = stepStart.getAndSet(now);
                                    System.out.printf(
                                            "Preload: %,d of %,d orders placed and cancelled,"
                                                    + " the last %,d at %.1f/s%n",
                                            n, count, step, step / ((now - was) / 1e9));
                                }
                                return null;
                            }));
        }
        for (Future<?> f : placed) {
            f.get();
        }
        System.out.printf(
                "Preload: placed and cancelled %d orders in %.0f s%n",
                count, (System.nanoTime() - start) / 1e9);
    }

    /** For {@code seconds}, {@code clients} at a time: a random buyer orders a random ticket. */
    private void warm(
            ExecutorService pool, URI side, List<Buyer> buyers, List<String> tickets, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        URI orders = side.resolve("/api/orders");
        List<Future<?>> clientsDone = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            clientsDone.add(
                    pool.submit(
                            () -> {
                                ThreadLocalRandom random = ThreadLocalRandom.current();
                                while (System.nanoTime() < deadline) {
                                    String ticket = tickets.get(random.nextInt(tickets.size()));
                                    Buyer buyer = buyers.get(random.nextInt(buyers.size()));
                                    post(
                                            orders,
                                            "{\"ticketId\":\"" + ticket + "\"}",
                                            buyer.cookie());
                                }
                                return null;
                            }));
        }
        for (Future<?> f : clientsDone) {
            f.get();
        }
    }

    /** One sample of each lag, each timed from the answer that caused the event. */
    private void lags(
            Buyer seller, Buyer first, Buyer second, Histogram orderable, Histogram reorderable)
            throws Exception {
        Reply listed = post(platform.resolve("/api/tickets"), ticket("Lag"), seller.cookie());
        long created = System.nanoTime();
        String ticket = idOf(listed, "POST /api/tickets");
        URI orders = platform.resolve("/api/orders");
        String body = "{\"ticketId\":\"" + ticket + "\"}";
        Reply held = awaitAnswer(orders, body, first, 201);
        orderable.recordValue(System.nanoTime() - created);
        String order = idOf(held, "POST /api/orders");
        cancel(order, first);
        long freed = System.nanoTime();
        Reply again = awaitAnswer(orders, body, second, 201);
        reorderable.recordValue(System.nanoTime() - freed);
        http.send(
                HttpRequest.newBuilder(platform.resolve("/api/orders/" + idOf(again, "order")))
                        .header("Cookie", second.cookie())
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private void cancel(String order, Buyer buyer) throws Exception {
        HttpResponse<String> cancelled =
                http.send(
                        HttpRequest.newBuilder(platform.resolve("/api/orders/" + order))
                                .header("Cookie", buyer.cookie())
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (cancelled.statusCode() != 204) {
            throw new IllegalStateException("DELETE /api/orders: " + cancelled.statusCode());
        }
    }

    /** Asks again every millisecond (for 30 s at most) until the answer is {@code status}. */
    private Reply awaitAnswer(URI uri, String body, Buyer buyer, int status) throws Exception {
        return awaitAnswer(uri, body, buyer, status, 1);
    }

    /**
     * Asks until the answer is {@code status}, for at most 30 s, waiting 1 ms between tries and
     * twice as long after each, up to {@code longestWaitMillis}.
     */
    private Reply awaitAnswer(URI uri, String body, Buyer buyer, int status, long longestWaitMillis)
            throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long wait = 1;
        while (true) {
            Reply r = post(uri, body, buyer.cookie());
            if (r.status() == status) {
                return r;
            }
            if (r.status() >= 500 || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST " + uri + ": " + r.status() + " " + r.body());
            }
            Thread.sleep(wait);
            wait = Math.min(wait * 2, longestWaitMillis);
        }
    }

    private List<Buyer> signUpAll(ExecutorService pool, int count) throws Exception {
        List<Future<Buyer>> signUps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signUps.add(pool.submit(this::signUp));
        }
        List<Buyer> buyers = new ArrayList<>();
        for (Future<Buyer> f : signUps) {
            buyers.add(f.get());
        }
        return buyers;
    }

    private List<String> list(ExecutorService pool, Buyer seller, int count, String title)
            throws Exception {
        List<Future<String>> listing = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            listing.add(
                    pool.submit(
                            () ->
                                    idOf(
                                            post(
                                                    platform.resolve("/api/tickets"),
                                                    ticket(title),
                                                    seller.cookie()),
                                            "POST /api/tickets")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : listing) {
            ids.add(f.get());
        }
        return ids;
    }

    private static String ticket(String title) {
        return "{\"title\":\""
                + title
                + " seat "
                + ThreadLocalRandom.current().nextInt(100_000)
                + "\",\"price\":"
                + (10 + ThreadLocalRandom.current().nextInt(90))
                + ".00}";
    }

    private Buyer signUp() throws Exception {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(platform.resolve("/api/users/signup"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"email\":\""
                                                        + email
                                                        + "\",\"password\":\"bench-passphrase\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
            throw new IllegalStateException(
                    "sign-ups are throttled: start the platform with AUTH_SIGNUP_PER_ADDRESS raised"
                            + " (README, Benchmarks)");
        }
        if (r.statusCode() != 201) {
            throw new IllegalStateException("sign-up: " + r.statusCode() + " " + r.body());
        }
        String cookie =
                r.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no session cookie"));
        return new Buyer(cookie.substring(0, cookie.indexOf(';')));
    }

    private Reply post(URI uri, String json, String cookie) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("Cookie", cookie)
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Reply(599, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(599, "interrupted");
        }
    }

    private static String idOf(Reply r, String what) {
        Matcher m = ID.matcher(r.body());
        if (r.status() / 100 != 2 || !m.find()) {
            throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
        }
        return m.group(1);
    }

    /**
     * Waits (60 s at most) until the named processes together use less than a tenth of a core over
     * a second, or 3 % of a core each when there are more than three: the platform has worked off
     * what the last phase caused. An idle Liberty server is not at zero (its timers, the NATS
     * pulls, the JIT): split servers measured 1.4-2.2 % each after minutes of nothing, so six of
     * them never got under a tenth of a core and every phase waited the whole minute.
     */
    static double awaitQuiet(Map<String, Long> processes) throws InterruptedException {
        long start = System.nanoTime();
        if (processes.isEmpty()) {
            Thread.sleep(5000);
            return 5;
        }
        long deadline = start + 60_000_000_000L;
        long before = cpuTicks(processes.values());
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = cpuTicks(processes.values());
            // clock ticks are 1/100 s: under 0.1 s of CPU in 1 s, or 0.03 s a process
            if (now - before < Math.max(10, 3 * processes.size())) {
                return (System.nanoTime() - start) / 1e9;
            }
            before = now;
        }
        System.out.println("(the platform did not settle within 60 s; measuring anyway)");
        return (System.nanoTime() - start) / 1e9;
    }

    /** Each named process's CPU time, in clock ticks. */
    static Map<String, Long> cpuTicksEach(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ticks.put(name, cpuTicks(List.of(pid))));
        return ticks;
    }

    /** User and system CPU time of the processes, in clock ticks (/proc/PID/stat). */
    static long cpuTicks(java.util.Collection<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                // gone: counts nothing
            }
        }
        return ticks;
    }

    /** The process's resident set in KiB (VmRSS), or -1 when it is not running. */
    static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
