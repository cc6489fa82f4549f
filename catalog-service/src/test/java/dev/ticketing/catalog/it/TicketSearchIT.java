package dev.ticketing.catalog.it;

import static dev.ticketing.catalog.it.Catalog.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search of {@code GET /api/tickets} (docs/api.md, "Events and listings"): every parameter with
 * good and bad values, the three orders, and paging to the end by the Link header while listings
 * come and go. Each test's listings carry a word of their own, so other tests' listings never
 * match.
 */
class TicketSearchIT {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final LocalDate DAY_ONE = LocalDate.now(ZoneOffset.UTC).plusDays(40);

    private static Sessions.User seller;

    @BeforeAll
    static void signIn() {
        seller = Sessions.signUp();
    }

    /** A word nobody else lists: the test's own listings are the only ones that match it. */
    private static String ownWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static Instant day(int n, int hour) {
        return DAY_ONE.plusDays(n).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static String list(String title, String price, String event) {
        String body =
                "{\"title\":"
                        + Json.createValue(title)
                        + ",\"price\":"
                        + price
                        + (event == null ? "" : ",\"event\":" + event)
                        + "}";
        HttpApi.Reply reply =
                Catalog.HTTP.post(ServiceUnderTest.url("/api/tickets"), body, seller.auth());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private static String event(String name, String venue, String city, Instant startsAt) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("venue", venue)
                .add("city", city)
                .add("startsAt", startsAt.toString())
                .build()
                .toString();
    }

    private static HttpApi.Reply search(String query) {
        return Catalog.HTTP.get(ServiceUnderTest.url("/api/tickets?" + query));
    }

    private static List<String> found(String query) {
        HttpApi.Reply reply = search(query);
        assertEquals(200, reply.status(), reply.body());
        return TicketRoutesIT.ids(reply.jsonArray());
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void wordsMatchTheStartOfAWordOfTitleEventVenueOrCityIgnoringCaseAndAccents() {
        String own = ownWord();
        String symphony =
                list(
                        "Stalls " + own,
                        "40",
                        event("Beethoven: Symphonie n°9", "Opéra National", "Zürich", day(1, 20)));
        String jazz =
                list("Jazz night " + own, "25", event("Blue Notes", "Club", "Lyon", day(2, 21)));
        String plain = list("Parking pass " + own, "5", null);

        assertEquals(List.of(plain, jazz, symphony), found("q=" + own));
        assertEquals(List.of(symphony), found("q=" + encoded("BEETH " + own)));
        assertEquals(List.of(symphony), found("q=" + encoded("opera " + own)), "é is e");
        assertEquals(List.of(symphony), found("q=" + encoded("zurich " + own)), "ü is u");
        assertEquals(List.of(jazz), found("q=" + encoded(own + " lyon night")), "every word");
        assertEquals(List.of(), found("q=" + encoded(own + " ethoven")), "a word's start only");
        assertEquals(List.of(), found("q=" + encoded(own + " jazz lyon opera")));
        // Punctuation separates words, and blank text is no criterion.
        assertEquals(List.of(symphony), found("q=" + encoded("symphonie, " + own + "!")));
        assertEquals(
                List.of(plain, jazz, symphony),
                found("q=" + encoded("  " + own + "  ") + "&city="));
    }

    @Test
    void aCityMatchesWholeIgnoringCaseAndAccents() {
        String own = ownWord();
        String here = list(own, "10", event("Show", "Hall", "São Paulo", day(3, 19)));
        list(own, "10", event("Show", "Hall", "Paulo", day(3, 19)));

        assertEquals(List.of(here), found("q=" + own + "&city=" + encoded("sao paulo")));
        assertEquals(List.of(here), found("q=" + own + "&city=" + encoded(" SÃO PAULO ")));
        assertEquals(List.of(), found("q=" + own + "&city=sao"));
    }

    @Test
    void datesBoundTheEventsStartAndADateMeansTheWholeDayInUtc() {
        String own = ownWord();
        String first = list(own, "10", event("A", "V", "C", day(0, 10)));
        String second = list(own, "10", event("B", "V", "C", day(1, 23)));
        String third = list(own, "10", event("C", "V", "C", day(2, 0)));
        String undated = list(own, "10", null);

        assertEquals(List.of(undated, third, second, first), found("q=" + own));
        assertEquals(List.of(third, second), found("q=" + own + "&from=" + DAY_ONE.plusDays(1)));
        assertEquals(List.of(second, first), found("q=" + own + "&to=" + DAY_ONE.plusDays(1)));
        assertEquals(
                List.of(second),
                found("q=" + own + "&from=" + DAY_ONE.plusDays(1) + "&to=" + DAY_ONE.plusDays(1)));
        assertEquals(
                List.of(third),
                found("q=" + own + "&from=" + encoded(day(1, 23).plusSeconds(1).toString())),
                "an instant bounds to the second");
        assertEquals(
                List.of(second),
                found(
                        "q="
                                + own
                                + "&from="
                                + encoded(DAY_ONE.plusDays(1) + "T23:00:00+00:00")
                                + "&to="
                                + encoded(DAY_ONE.plusDays(2) + "T00:59:59+01:00")),
                "inclusive, offsets honoured");

        assertFieldErrors(
                search("from=tomorrow&to=2027-02-30"),
                "from",
                "From must be a date (2027-03-01) or an ISO-8601 date and time with its offset",
                "to",
                "To must be a date (2027-03-31) or an ISO-8601 date and time with its offset");
        assertFieldErrors(
                search("from=2027-03-02&to=2027-03-01"), "to", "To must not be before from");
    }

    @Test
    void pricesBoundInclusivelyInDollarsAndCents() {
        String own = ownWord();
        String cheap = list(own, "9.99", null);
        String mid = list(own, "10", null);
        String dear = list(own, "120.50", null);

        assertEquals(List.of(dear, mid), found("q=" + own + "&minPrice=10"));
        assertEquals(List.of(mid, cheap), found("q=" + own + "&maxPrice=10.00"));
        assertEquals(List.of(dear), found("q=" + own + "&minPrice=120.5&maxPrice=120.50"));
        assertEquals(List.of(dear, mid, cheap), found("q=" + own + "&minPrice=0"));

        assertFieldErrors(
                search("minPrice=-1&maxPrice=1.001"),
                "minPrice",
                "Minimum price must be a number from 0 to 1000000 with at most 2 decimal places",
                "maxPrice",
                "Maximum price must be a number from 0 to 1000000 with at most 2 decimal places");
        assertFieldErrors(
                search("minPrice=ten&maxPrice=2000000"),
                "minPrice",
                "Minimum price must be a number from 0 to 1000000 with at most 2 decimal places",
                "maxPrice",
                "Maximum price must be a number from 0 to 1000000 with at most 2 decimal places");
        assertFieldErrors(
                search("minPrice=20&maxPrice=10"),
                "maxPrice",
                "Maximum price must not be below the minimum price");
    }

    @Test
    void threeOrdersEachTotalTiesBrokenByIdAndSoonestOnlyWithAnEvent() {
        String own = ownWord();
        String later = list(own, "30", event("L", "V", "C", day(5, 20)));
        String sooner = list(own, "30", event("S", "V", "C", day(4, 20)));
        String undated = list(own, "20", null);
        String tie = list(own, "30", event("T", "V", "C", day(4, 20)));

        assertEquals(List.of(tie, undated, sooner, later), found("q=" + own));
        assertEquals(List.of(tie, undated, sooner, later), found("q=" + own + "&sort=newest"));
        List<String> thirties = new ArrayList<>(List.of(later, sooner, tie));
        thirties.sort(Comparator.naturalOrder());
        List<String> cheapest = new ArrayList<>(List.of(undated));
        cheapest.addAll(thirties);
        assertEquals(cheapest, found("q=" + own + "&sort=cheapest"));
        List<String> soonest = new ArrayList<>(List.of(sooner, tie));
        soonest.sort(Comparator.naturalOrder());
        soonest.add(later);
        assertEquals(soonest, found("q=" + own + "&sort=soonest"));

        assertFieldErrors(
                search("sort=popular"), "sort", "Sort must be one of newest, cheapest, soonest");
    }

    @Test
    void aSearchPagesByTwentyUnlessToldAndRefusesAnythingElse() {
        String own = ownWord();
        for (int i = 0; i < 21; i++) {
            list(own + " " + i, "10", null);
        }
        HttpApi.Reply first = search("q=" + own);
        assertEquals(20, first.jsonArray().size());
        assertTrue(first.header("Link").isPresent(), "a next page");
        HttpApi.Reply all = search("q=" + own + "&limit=100");
        assertEquals(21, all.jsonArray().size());
        assertEquals(Optional.empty(), all.header("Link"), "no next page");
        // A search that finds nothing says so with an empty page.
        assertEquals(List.of(), found("q=" + ownWord()));

        assertFieldErrors(
                search("q=x&limit=101&offset=2"),
                "limit",
                "Limit must be a whole number from 1 to 100",
                "offset",
                "A search pages with the cursor of its Link header, not an offset");
        assertFieldErrors(
                search("sort=cheapest&limit=0"),
                "limit",
                "Limit must be a whole number from 1 to 100");
        String tooMany = encoded("a b c d e f g h i");
        assertFieldErrors(search("q=" + tooMany), "q", "Search at most 8 words at a time");
        assertFieldErrors(
                search("q=" + encoded("x".repeat(201))),
                "q",
                "Search text must be at most 200 characters, without control characters");
        assertFieldErrors(
                search("city=" + encoded("Ly\u0007on")),
                "city",
                "City must be at most 100 characters, without control characters");
        // The plain list keeps its own rules.
        assertEquals(200, search("limit=1000&offset=3").status());
    }

    /** Values ISO-8601 and decimals can write but the store cannot hold: 400, never a 500. */
    @Test
    void valuesBeyondWhatTheStoreHoldsAreRefusedAndBracesAreJustText() {
        assertFieldErrors(
                search("from=" + encoded("-300000000-01-01T00:00:00Z") + "&to=+99999-01-01"),
                "from",
                "From must be a date (2027-03-01) or an ISO-8601 date and time with its offset",
                "to",
                "To must be a date (2027-03-31) or an ISO-8601 date and time with its offset");
        for (String forged :
                List.of(
                        "newest|-300000000-01-01T00:00:00Z|abc",
                        "soonest|+300000000-01-01T00:00:00Z|abc",
                        "cheapest|1E+9999|abc",
                        "cheapest|0.001|abc")) {
            String sort = forged.substring(0, forged.indexOf('|'));
            String cursor =
                    java.util.Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(forged.getBytes(StandardCharsets.UTF_8));
            assertFieldErrors(
                    search("sort=" + sort + "&cursor=" + cursor),
                    "cursor",
                    "Cursor is not one of this search's; start again from the first page");
        }
        // Template-like text in the query is copied into the next page's link as it came.
        String own = ownWord();
        list(own + " {x}", "10", null);
        list(own + " {y}", "10", null);
        HttpApi.Reply first = search("q=" + own + encoded(" {x") + "&limit=1");
        assertEquals(200, first.status(), first.body());
        HttpApi.Reply braces = search("q=" + own + "+%7Bx%7D&limit=1");
        assertEquals(200, braces.status(), braces.body());
        HttpApi.Reply both = search("q=" + own + "&sort=newest&limit=1&city=");
        String next = next(both).orElseThrow();
        assertTrue(next.contains("q=" + own + "&sort=newest&limit=1&city=&cursor="), next);
    }

    @Test
    void aCursorBelongsToItsSearchOrder() {
        String own = ownWord();
        list(own, "1", null);
        list(own, "2", null);
        String link = next(search("q=" + own + "&sort=cheapest&limit=1")).orElseThrow();
        String cursor = link.substring(link.indexOf("cursor=") + "cursor=".length());
        assertFieldErrors(
                search("q=" + own + "&sort=newest&limit=1&cursor=" + cursor),
                "cursor",
                "Cursor is not one of this search's; start again from the first page");
        assertFieldErrors(
                search("q=" + own + "&cursor=bm90IGEgY3Vyc29y"),
                "cursor",
                "Cursor is not one of this search's; start again from the first page");
        assertFieldErrors(
                search("cursor=***"),
                "cursor",
                "Cursor is not one of this search's; start again from the first page");
    }

    @Test
    void aListingWhoseEventHasStartedIsNeverFoundAndNeitherIsAWithdrawnOrReservedOne() {
        String own = ownWord();
        String begun = list(own, "10", event("Begun", "V", "C", day(1, 20)));
        String withdrawn = list(own, "10", null);
        String onSale = list(own, "10", event("On", "V", "C", day(1, 20)));
        try (MongoClient mongo = MongoClients.create(System.getProperty("it.store.url"))) {
            mongo.getDatabase("catalog")
                    .getCollection("tickets")
                    .updateOne(
                            Filters.eq("_id", begun),
                            Updates.set(
                                    "event.startsAt",
                                    java.util.Date.from(Instant.now().minusSeconds(60))));
        }
        assertEquals(204, Catalog.withdraw(seller, withdrawn).status());
        for (String sort : List.of("newest", "cheapest", "soonest")) {
            assertEquals(List.of(onSale), found("q=" + own + "&sort=" + sort), sort);
        }
        assertEquals(List.of(onSale), found("q=" + own + "&to=" + DAY_ONE.plusDays(3)));
    }

    /**
     * Paging to the end by the Link header while other listings are added and withdrawn between
     * pages: every listing that stays on sale throughout is seen exactly once, in order, and none
     * twice; a withdrawn one is never seen after its withdrawal.
     */
    @Test
    void pagingToTheEndWhileListingsChangeMissesNoneAndRepeatsNone() {
        for (String sort : List.of("newest", "cheapest", "soonest")) {
            String own = ownWord();
            Random random = new Random();
            List<String> stable = new ArrayList<>();
            List<String> doomed = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String id =
                        list(
                                own,
                                (1 + random.nextInt(5)) + "",
                                event("E", "V", "C", day(random.nextInt(5), 20)));
                (i % 5 == 0 ? doomed : stable).add(id);
            }
            List<String> seen = new ArrayList<>();
            Set<String> withdrawnSoFar = new HashSet<>();
            String url = "/api/tickets?q=" + own + "&sort=" + sort + "&limit=4";
            int pages = 0;
            while (url != null) {
                HttpApi.Reply page = Catalog.HTTP.get(ServiceUnderTest.url(url));
                assertEquals(200, page.status(), page.body());
                List<JsonObject> tickets = page.jsonArray().getValuesAs(JsonObject.class);
                assertTrue(tickets.size() <= 4);
                for (JsonObject t : tickets) {
                    assertFalse(withdrawnSoFar.contains(t.getString("id")), sort + ": " + t);
                    seen.add(t.getString("id"));
                }
                // Between pages the market moves: a new listing, and a withdrawal.
                list(own, (1 + random.nextInt(5)) + "", event("E", "V", "C", day(2, 20)));
                if (!doomed.isEmpty()) {
                    String gone = doomed.remove(0);
                    assertEquals(204, Catalog.withdraw(seller, gone).status());
                    withdrawnSoFar.add(gone);
                }
                url = next(page).orElse(null);
                pages++;
                assertTrue(pages < 40, "paging ends");
            }
            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": no ticket twice");
            assertTrue(seen.containsAll(stable), sort + ": every listing that stayed was seen");
        }
    }

    private static Optional<String> next(HttpApi.Reply reply) {
        return reply.header("Link")
                .map(NEXT::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1));
    }
}
