package dev.ticketing.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./ticketing demo}: a living marketplace to try, loaded into the running platform through
 * its public API (docs/api.md), as sellers would: a few sellers and a buyer with known passwords
 * (printed at the end), a few hundred events in a dozen cities over the coming months, and a few
 * thousand listings with seats. The catalogue is the same every time (a fixed seed); a listing is
 * known by its seller and title, so running it again lists only what is missing.
 */
public final class Demo {
    public static final String PASSWORD = "try-the-marketplace-2027";
    static final int SELLERS = 4;
    private static final int PAGE = 1000;

    private static final Pattern TITLE =
            Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** order-service's refusal of a seller's order for its own listing (docs/api.md). */
    private static final String OWN_TICKET = "You cannot buy your own ticket";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** How long a run waits for order-service to know every listing it created. */
    static final Duration ORDERABLE_WITHIN = Duration.ofSeconds(120);

    private static final String[][] CITIES = {
        {"Lyon", "Halle Tony Garnier", "Théâtre des Célestins", "Le Transbordeur"},
        {"Paris", "Accor Arena", "Olympia", "La Cigale"},
        {"Berlin", "Uber Arena", "Columbiahalle", "Philharmonie"},
        {"London", "The O2", "Royal Albert Hall", "Brixton Academy"},
        {"Madrid", "WiZink Center", "Teatro Real", "La Riviera"},
        {"Amsterdam", "Ziggo Dome", "Paradiso", "Concertgebouw"},
        {"Zürich", "Hallenstadion", "Tonhalle", "Volkshaus"},
        {"Milano", "Mediolanum Forum", "Teatro alla Scala", "Alcatraz"},
        {"Barcelona", "Palau Sant Jordi", "Razzmatazz", "Gran Teatre del Liceu"},
        {"Wien", "Stadthalle", "Musikverein", "Arena Wien"},
        {"Stockholm", "Avicii Arena", "Berwaldhallen", "Debaser"},
        {"København", "Royal Arena", "Vega", "DR Koncerthuset"},
    };

    private static final String[] ACTS = {
        "Night Sky Tour",
        "The Velvet Owls",
        "Orchestre des Lumières",
        "Mara Lindqvist",
        "Brass Tacks Big Band",
        "Beethoven: Symphony No. 9",
        "Les Étoiles Filantes",
        "Kid Neon",
        "The Paper Lanterns",
        "Swan Lake",
        "Jazz at Midnight",
        "Aurora Quartet",
        "Hollow Pines",
        "Carmen",
        "DJ Solstice",
        "The Last Tram Home",
        "Fado Nights",
        "Glass Harbour",
        "Comedy Cellar Live",
        "Riverside Gospel Choir",
        "La Traviata",
        "Electric Meadow",
        "Sámi Voices",
        "The Brightside Trio",
        "Piano Marathon",
        "Tango Argentino",
        "Moonlit Strings",
        "Copper & Coal",
        "The Nocturnes",
        "Salsa Caliente",
    };

    private static final String[] SECTIONS = {"Floor", "A", "B", "C", "Balcony", "Box"};

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Demo(URI base) {
        this.base = base;
    }

    /** One listing of the catalogue: who sells it and the body of its POST. */
    record Listing(int seller, String title, String json) {}

    /**
     * What a run did: the ids of the listings it created, how many were already there, and how many
     * of those it created order-service did not know yet when the run stopped waiting (0 unless the
     * platform is far behind).
     */
    public record Outcome(
            List<String> createdIds, int kept, int notYetOrderable, List<String> emails) {
        public int created() {
            return createdIds.size();
        }
    }

    /** A listing this run created: its id, and its seller's session. */
    private record Created(String ticketId, String sellerSession) {}

    public static void main(String[] args) throws Exception {
        String url =
                "http://127.0.0.1:" + System.getenv().getOrDefault("TICKETING_HTTP_PORT", "9080");
        int events = 300;
        int listings = 3000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--listings" -> listings = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Outcome outcome = new Demo(URI.create(url)).load(events, listings, "example.com");
        System.out.printf(
                "Demo catalogue at %s: %d listings created, %d already there (%d events).%n",
                url, outcome.created(), outcome.kept(), events);
        if (outcome.notYetOrderable() > 0) {
            System.out.printf(
                    "%d of them are not orderable yet: order-service had not applied their"
                            + " ticket.created within %d s (it is behind; they become orderable"
                            + " when it catches up).%n",
                    outcome.notYetOrderable(), ORDERABLE_WITHIN.toSeconds());
        }
        System.out.println("Sign in with any of these (password " + PASSWORD + "):");
        outcome.emails().forEach(e -> System.out.println("  " + e));
    }

    /** Loads the catalogue; {@code domain} names the users' email domain. */
    public Outcome load(int events, int listings, String domain) throws Exception {
        if (events < 1 || listings < 0) {
            throw new IllegalArgumentException("--events must be 1 or more, --listings 0 or more");
        }
        List<String> emails = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (int s = 1; s <= SELLERS; s++) {
            String email = "demo-seller-" + s + "@" + domain;
            emails.add(email);
            sessions.add(session(email));
        }
        String buyer = "demo-buyer@" + domain;
        session(buyer);
        emails.add(buyer);

        List<Listing> catalogue = catalogue(events, listings, LocalDate.now(ZoneOffset.UTC));
        List<Set<String>> listed = new ArrayList<>();
        for (String session : sessions) {
            listed.add(titlesOf(session));
        }
        List<Created> created = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger kept = new AtomicInteger();
        int notYetOrderable;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (Listing listing : catalogue) {
                if (listed.get(listing.seller()).contains(listing.title())) {
                    kept.incrementAndGet();
                    continue;
                }
                posts.add(
                        pool.submit(
                                () -> {
                                    String seller = sessions.get(listing.seller());
                                    HttpResponse<String> answer =
                                            post("/api/tickets", listing.json(), seller);
                                    expect(201, answer);
                                    created.add(new Created(id(answer), seller));
                                    return null;
                                }));
            }
            for (Future<?> post : posts) {
                post.get();
            }
            notYetOrderable = awaitOrderable(created, pool);
        } finally {
            // After a failure the listings still queued are not sent: the run stops there.
            pool.shutdownNow();
        }
        return new Outcome(
                created.stream().map(Created::ticketId).toList(),
                kept.get(),
                notYetOrderable,
                emails);
    }

    /**
     * Waits until order-service knows every listing created (docs/api.md: a new ticket is orderable
     * once order-service has applied its ticket.created; until then an order answers 404), so that
     * a visitor who opens the storefront when the demo has finished can order any of them. The
     * probe changes nothing: the seller orders its own listing, which order-service refuses with
     * 400 once it knows the ticket. Returns how many were still unknown when {@link
     * #ORDERABLE_WITHIN} ran out.
     */
    private int awaitOrderable(List<Created> created, ExecutorService pool) throws Exception {
        long deadline = System.nanoTime() + ORDERABLE_WITHIN.toNanos();
        AtomicInteger unknown = new AtomicInteger();
        List<Future<?>> probes = new ArrayList<>();
        for (Created listing : created) {
            probes.add(
                    pool.submit(
                            () -> {
                                if (!orderable(listing, deadline)) {
                                    unknown.incrementAndGet();
                                }
                                return null;
                            }));
        }
        for (Future<?> probe : probes) {
            probe.get();
        }
        return unknown.get();
    }

    private boolean orderable(Created listing, long deadline) throws Exception {
        String body = "{\"ticketId\":\"" + listing.ticketId() + "\"}";
        long pause = 10;
        while (true) {
            HttpResponse<String> probe = post("/api/orders", body, listing.sellerSession());
            if (probe.statusCode() == 400 && probe.body().contains(OWN_TICKET)) {
                return true;
            }
            if (probe.statusCode() != 404) {
                expect(400, probe); // anything else is a failure worth saying
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 500);
        }
    }

    /**
     * The catalogue: the same events and listings for the same sizes (a fixed seed), starting from
     * {@code today}: titles do not depend on the dates, so a later run recognises what it listed.
     */
    static List<Listing> catalogue(int events, int listings, LocalDate today) {
        Random random = new Random(2027);
        List<Listing> all = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            String[] city = CITIES[e % CITIES.length];
            String act = ACTS[(e / CITIES.length + e) % ACTS.length];
            String venue = city[1 + random.nextInt(3)];
            Instant startsAt =
                    today.plusDays(2 + (long) e * 150 / Math.max(1, events))
                            .atTime(18 + random.nextInt(4), random.nextBoolean() ? 0 : 30)
                            .toInstant(ZoneOffset.UTC);
            String event =
                    "{\"name\":"
                            + quoted(act)
                            + ",\"venue\":"
                            + quoted(venue)
                            + ",\"city\":"
                            + quoted(city[0])
                            + ",\"startsAt\":\""
                            + startsAt
                            + "\"}";
            int count = listings / events + (e < listings % events ? 1 : 0);
            Set<String> seats = new HashSet<>();
            for (int l = 0; l < count; l++) {
                String section = SECTIONS[random.nextInt(SECTIONS.length)];
                String row = section.equals("Floor") ? "" : String.valueOf(1 + random.nextInt(30));
                String number = String.valueOf(1 + random.nextInt(40));
                if (!seats.add(section + "/" + row + "/" + number)) {
                    l--; // the same seat twice: draw another
                    continue;
                }
                String title =
                        act
                                + ", "
                                + city[0]
                                + " #"
                                + (e + 1)
                                + " · "
                                + (section.equals("Floor")
                                        ? "Floor, standing " + number
                                        : "Section "
                                                + section
                                                + ", row "
                                                + row
                                                + ", seat "
                                                + number);
                int cents = 1500 + random.nextInt(section.equals("Box") ? 30000 : 12000);
                String price = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
                String json =
                        "{\"title\":"
                                + quoted(title)
                                + ",\"price\":"
                                + price
                                + ",\"event\":"
                                + event
                                + ",\"seat\":{\"section\":"
                                + quoted(section)
                                + (row.isEmpty() ? "" : ",\"row\":" + quoted(row))
                                + ",\"number\":"
                                + quoted(number)
                                + "}}";
                all.add(new Listing(all.size() % SELLERS, title, json));
            }
        }
        return all;
    }

    /**
     * Signs up, or in when the account exists (an earlier run's); returns the session cookie.
     * Sign-ups are throttled per address (docs/api.md, "Hardening"): a throttled sign-up first
     * tries to sign in, since the account may exist, and otherwise waits as told.
     */
    private String session(String email) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
        while (true) {
            HttpResponse<String> up = post("/api/users/signup", body, null);
            if (up.statusCode() == 201) {
                return cookie(up);
            }
            if (up.statusCode() != 400 && up.statusCode() != 429) {
                expect(201, up);
            }
            HttpResponse<String> in = patiently("/api/users/signin", body, email);
            if (in.statusCode() == 200) {
                return cookie(in);
            }
            if (up.statusCode() == 400) {
                expect(200, in); // the account exists with another password: say so
            }
            long seconds = up.headers().firstValueAsLong("Retry-After").orElse(30);
            System.out.printf("Sign-ups are throttled; waiting %d s for %s%n", seconds, email);
            Thread.sleep(seconds * 1000);
        }
    }

    /**
     * Sign-in and sign-up are throttled per address (docs/api.md, "Hardening"): a 429 is waited out
     * as its Retry-After says, then the request is made again.
     */
    private HttpResponse<String> patiently(String path, String body, String email)
            throws Exception {
        HttpResponse<String> answer = post(path, body, null);
        while (answer.statusCode() == 429) {
            long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(30);
            System.out.printf("%s is throttled; waiting %d s for %s%n", path, seconds, email);
            Thread.sleep(seconds * 1000);
            answer = post(path, body, null);
        }
        return answer;
    }

    /** Every title the seller has listed, page by page. */
    private Set<String> titlesOf(String session) throws Exception {
        Set<String> titles = new HashSet<>();
        for (int offset = 0; ; offset += PAGE) {
            HttpResponse<String> mine =
                    http.send(
                            HttpRequest.newBuilder(
                                            base.resolve(
                                                    "/api/tickets/mine?limit="
                                                            + PAGE
                                                            + "&offset="
                                                            + offset))
                                    .header("Cookie", session)
                                    .timeout(Duration.ofSeconds(60))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            expect(200, mine);
            Matcher title = TITLE.matcher(mine.body());
            int found = 0;
            while (title.find()) {
                titles.add(title.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                found++;
            }
            if (found < PAGE) {
                return titles;
            }
        }
    }

    private HttpResponse<String> post(String path, String json, String session) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + created.body());
        }
        return id.group(1);
    }

    private static String cookie(HttpResponse<String> response) {
        String set =
                response.headers()
                        .firstValue("Set-Cookie")
                        .orElseThrow(() -> new IllegalStateException("no session cookie"));
        return set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().method()
                            + " "
                            + response.uri().getPath()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
