package dev.ticketing.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./ticketing bench search}: how long a buyer waits for the first page of a search
 * (docs/api.md, "Events and listings") on the running platform with many listings. It first loads
 * the demo catalogue at the asked size through the public API ({@link Demo}: what is there already
 * is kept; {@code --listings 0} loads nothing and measures what the platform holds), then asks each
 * kind of search in turn, one request at a time over HTTP, and prints the p50, p90 and p99 of each,
 * after a warm-up that is not counted.
 */
public final class SearchBench {
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SearchBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String url =
                "http://127.0.0.1:" + System.getenv().getOrDefault("TICKETING_HTTP_PORT", "9080");
        int listings = 100_000;
        int events = 1_000;
        int requests = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--listings" -> listings = Integer.parseInt(args[i + 1]);
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (listings > 0) {
            long start = System.nanoTime();
            Demo.Outcome loaded = new Demo(URI.create(url)).load(events, listings, "example.com");
            System.out.printf(
                    "Catalogue: %d listings (%d listed now in %.0f s, %d already there), %d events%n",
                    loaded.created() + loaded.kept(),
                    loaded.created(),
                    (System.nanoTime() - start) / 1e9,
                    loaded.kept(),
                    events);
        }
        new SearchBench(URI.create(url)).run(requests);
    }

    /** The searches measured: each a first page of 20, as the storefront asks. */
    static Map<String, String> searches() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> searches = new LinkedHashMap<>();
        searches.put("newest (no filter)", "sort=newest&limit=20");
        searches.put("city, soonest", "city=lyon&sort=soonest&limit=20");
        searches.put("word, cheapest", "q=jazz&sort=cheapest&limit=20");
        searches.put(
                "city + dates + price, cheapest",
                "city=paris&from="
                        + today.plusDays(30)
                        + "&to="
                        + today.plusDays(60)
                        + "&minPrice=20&maxPrice=120&sort=cheapest&limit=20");
        searches.put("two words, soonest", "q=night+sky&sort=soonest&limit=20");
        return searches;
    }

    void run(int requests) throws Exception {
        int warmUp = Math.max(20, requests / 5);
        System.out.printf(
                "Search, first page of 20, %d requests each after %d not counted (ms):%n",
                requests, warmUp);
        System.out.printf(
                Locale.ROOT,
                "  %-34s %8s %8s %8s %8s %8s%n",
                "search",
                "results",
                "p50",
                "p90",
                "p99",
                "max");
        for (Map.Entry<String, String> search : searches().entrySet()) {
            URI uri = base.resolve("/api/tickets?" + search.getValue());
            int results = 0;
            for (int i = 0; i < warmUp; i++) {
                results = countOf(get(uri));
            }
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long before = System.nanoTime();
                get(uri);
                nanos[i] = System.nanoTime() - before;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    Locale.ROOT,
                    "  %-34s %8d %8.1f %8.1f %8.1f %8.1f%n",
                    search.getKey(),
                    results,
                    percentile(nanos, 50),
                    percentile(nanos, 90),
                    percentile(nanos, 99),
                    nanos[nanos.length - 1] / 1e6);
        }
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> reply =
                http.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(
                    uri + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return reply.body();
    }

    private static int countOf(String page) {
        return List.of(page.split("\"id\":", -1)).size() - 1;
    }

    /** The value below which {@code p} % of the sorted samples lie, in milliseconds. */
    static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
