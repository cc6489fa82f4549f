package dev.ticketing.catalog.it;

import static dev.ticketing.catalog.it.Catalog.assertFieldErrors;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listings with an event and a seat (docs/api.md, "Events and listings"): what a seller sends, what
 * every reader and the bus get back, every refusal with its field, and a listing that leaves the
 * list once its event starts.
 */
class ListingEventsIT {
    private static final Instant STARTS =
            Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private static Sessions.User seller;
    private static Bus bus;

    @BeforeAll
    static void signIn() {
        seller = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    private static String body(String title, String event, String seat) {
        return "{\"title\":\""
                + title
                + "\",\"price\":80"
                + (event == null ? "" : ",\"event\":" + event)
                + (seat == null ? "" : ",\"seat\":" + seat)
                + "}";
    }

    private static String event(String name, String venue, String city, String startsAt) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("venue", venue)
                .add("city", city)
                .add("startsAt", startsAt)
                .build()
                .toString();
    }

    private static HttpApi.Reply sell(String body) {
        return Catalog.HTTP.post(ServiceUnderTest.url("/api/tickets"), body, seller.auth());
    }

    @Test
    void aListingWithAnEventAndASeatIsShownStoredAndPublishedAsSent() {
        HttpApi.Reply reply =
                sell(
                        body(
                                "Floor, standing",
                                event(" Night Sky Tour\u200B", "Arena", "Lyon", STARTS.toString()),
                                "{\"section\":\"A\",\"row\":\"  \",\"number\":\"14\"}"));
        assertEquals(201, reply.status(), reply.body());
        JsonObject ticket = reply.json();
        String id = ticket.getString("id");
        assertEquals("on-sale", ticket.getString("state"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("name", "Night Sky Tour")
                        .add("venue", "Arena")
                        .add("city", "Lyon")
                        .add("startsAt", STARTS.toString())
                        .build(),
                ticket.getJsonObject("event"),
                "trimmed, invisible characters stripped, the start as ISO-8601 UTC");
        assertEquals(
                Json.createObjectBuilder().add("section", "A").add("number", "14").build(),
                ticket.getJsonObject("seat"),
                "a blank part is no part");
        assertEquals(ticket, Catalog.ticket(id));
        assertTrue(TicketRoutesIT.ids(Catalog.list("")).contains(id));

        try (MongoClient mongo = MongoClients.create(System.getProperty("it.store.url"))) {
            Document stored =
                    mongo.getDatabase("catalog")
                            .getCollection("tickets")
                            .find(Filters.eq("_id", id))
                            .first();
            Document event = stored.get("event", Document.class);
            assertInstanceOf(Date.class, event.get("startsAt"), "a date the list compares");
        }

        Event show = new Event("Night Sky Tour", "Arena", "Lyon", STARTS);
        Seat seat = new Seat("A", null, "14");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new TicketCreated(
                                                        id,
                                                        0,
                                                        "Floor, standing",
                                                        new BigDecimal("80.00"),
                                                        seller.id(),
                                                        show,
                                                        seat)),
                                        published("ticket.created", TicketCreated.class).stream()
                                                .filter(t -> t.id().equals(id))
                                                .toList()));
    }

    @Test
    void anEditWithoutEventOrSeatKeepsThemAndOneWithThemReplacesThem() {
        String id =
                sell(body("Balcony", event("Opera", "Hall", "Paris", STARTS.toString()), null))
                        .json()
                        .getString("id");
        HttpApi.Reply oldClient = Catalog.edit(seller, id, "Balcony, row 2", "85");
        assertEquals(200, oldClient.status(), oldClient.body());
        assertEquals("Opera", oldClient.json().getJsonObject("event").getString("name"));

        String later = STARTS.plus(1, ChronoUnit.DAYS).toString();
        HttpApi.Reply moved =
                Catalog.HTTP.put(
                        ServiceUnderTest.url("/api/tickets/" + id),
                        body(
                                "Balcony, row 2",
                                event("Opera", "Hall", "Paris", later),
                                "{\"row\":\"2\"}"),
                        seller.auth());
        assertEquals(200, moved.status(), moved.body());
        assertEquals(later, moved.json().getJsonObject("event").getString("startsAt"));
        assertEquals("2", moved.json().getJsonObject("seat").getString("row"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            TicketUpdated last =
                                    published("ticket.updated", TicketUpdated.class).stream()
                                            .filter(t -> t.id().equals(id) && t.version() == 2)
                                            .findFirst()
                                            .orElseThrow();
                            assertEquals(Instant.parse(later), last.event().startsAt());
                            assertEquals(new Seat(null, "2", null), last.seat());
                        });
    }

    @Test
    void everyFieldOfTheEventIsRequiredAndEveryTextFieldIsChecked() {
        assertFieldErrors(
                sell(body("t", "{\"name\":\" \",\"venue\":null}", null)),
                "event.name",
                "Event name is required",
                "event.venue",
                "Venue is required",
                "event.city",
                "City is required",
                "event.startsAt",
                "Event start is required");
        assertFieldErrors(
                sell(body("t", event("Opera", "Hall", "Paris", "next friday"), null)),
                "event.startsAt",
                "Event start must be an ISO-8601 date and time with its offset, such as"
                        + " 2027-03-01T19:30:00Z");
        assertFieldErrors(
                sell(body("t", event("Opera", "Hall", "Paris", "2020-01-01T20:00:00Z"), null)),
                "event.startsAt",
                "The event must be in the future");
        assertFieldErrors(
                sell(
                        body(
                                "t",
                                event("x".repeat(201), "Hall\u202E", "Paris", STARTS.toString()),
                                "{\"number\":\"" + "9".repeat(41) + "\"}")),
                "event.name",
                "Event name must be at most 200 characters",
                "event.venue",
                "Venue must not contain control or direction-changing characters",
                "seat.number",
                "Seat number must be at most 40 characters");
        // With an offset instead of Z: the same instant, shown in UTC.
        HttpApi.Reply offset =
                sell(body("t", event("Opera", "Hall", "Paris", "2031-06-01T21:00:00+02:00"), null));
        assertEquals(201, offset.status(), offset.body());
        assertEquals(
                "2031-06-01T19:00:00Z", offset.json().getJsonObject("event").getString("startsAt"));
    }

    @Test
    void aListingLeavesTheListWhenItsEventStarts() {
        Instant soon = Instant.now().plusSeconds(3);
        String id =
                sell(body("Last minute", event("Gig", "Club", "Nantes", soon.toString()), null))
                        .json()
                        .getString("id");
        assertTrue(TicketRoutesIT.ids(Catalog.list("")).contains(id));
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !TicketRoutesIT.ids(Catalog.list("")).contains(id));
        assertFalse(Instant.now().isBefore(soon), "gone only once the event started");
        assertEquals("Last minute", Catalog.ticket(id).getString("title"), "still readable");
    }

    private static <P extends dev.ticketing.common.events.EventPayload> List<P> published(
            String subject, Class<P> type) {
        return bus.messages(subject).stream()
                .map(m -> Events.fromJson(m.json(), type).data())
                .toList();
    }
}
