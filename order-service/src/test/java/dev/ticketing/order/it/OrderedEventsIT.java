package dev.ticketing.order.it;

import static dev.ticketing.order.it.Market.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
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
 * The event and seat of a listing on order-service's side (docs/api.md, "Events and listings"): its
 * copies keep what ticket events carry, orders show them, and a ticket is not orderable by its
 * seller nor once its event has started.
 */
class OrderedEventsIT {
    private static final Instant STARTS =
            Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    private static final Event SHOW = new Event("Night Sky Tour", "Arena", "Lyon", STARTS);

    private static Sessions.User buyer;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        buyer = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    private static String listed(Event event, Seat seat, String seller) {
        String id = Market.newId();
        Market.send(
                bus,
                "ticket.created",
                new TicketCreated(id, 0, "Floor", new BigDecimal("80.00"), seller, event, seat));
        await().atMost(Duration.ofSeconds(30)).until(() -> Market.copy(id) != null);
        return id;
    }

    @Test
    void anOrderShowsTheEventAndSeatItsTicketWasListedWith() {
        String seller = "seller-" + Market.newId();
        String id = listed(SHOW, Seat.of("A", null, "14"), seller);
        Document copy = Market.copy(id);
        assertInstanceOf(Date.class, copy.get("event", Document.class).get("startsAt"), "" + copy);

        JsonObject order = Market.placed(buyer, id);
        JsonObject expectedTicket =
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("title", "Floor")
                        .add("price", new BigDecimal("80.00"))
                        .add("version", 0)
                        .add(
                                "event",
                                Json.createObjectBuilder()
                                        .add("name", "Night Sky Tour")
                                        .add("venue", "Arena")
                                        .add("city", "Lyon")
                                        .add("startsAt", STARTS.toString()))
                        .add(
                                "seat",
                                Json.createObjectBuilder().add("section", "A").add("number", "14"))
                        .build();
        assertEquals(expectedTicket, order.getJsonObject("ticket"));
        HttpApi.Reply again = Market.get(buyer, order.getString("id"));
        assertEquals(expectedTicket, again.json().getJsonObject("ticket"), "as stored");
        // payment-service pays the seller out from order.created: it names them and the start.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new OrderCreated.Ticket(
                                                        id,
                                                        new BigDecimal("80.00"),
                                                        seller,
                                                        STARTS)),
                                        bus.messages("order.created").stream()
                                                .map(
                                                        m ->
                                                                Events.fromJson(
                                                                                m.json(),
                                                                                OrderCreated.class)
                                                                        .data())
                                                .filter(e -> e.id().equals(order.getString("id")))
                                                .map(OrderCreated::ticket)
                                                .toList()));
    }

    @Test
    void aCopyFollowsTheListingsEventWhenTheSellerMovesIt() {
        String seller = "seller-" + Market.newId();
        String id = listed(SHOW, null, seller);
        Event moved = new Event("Night Sky Tour", "Dome", "Lyon", STARTS.plusSeconds(3600));
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        id,
                        1,
                        "Floor",
                        new BigDecimal("80.00"),
                        seller,
                        null,
                        "on-sale",
                        moved,
                        new Seat(null, "7", null)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ((Number) Market.copy(id).get("version")).longValue() == 1);
        JsonObject ticket = Market.placed(buyer, id).getJsonObject("ticket");
        assertEquals("Dome", ticket.getJsonObject("event").getString("venue"));
        assertEquals("7", ticket.getJsonObject("seat").getString("row"));
        assertFalse(ticket.getJsonObject("seat").containsKey("section"), ticket.toString());
    }

    @Test
    void aSellerCannotBuyTheirOwnTicket() {
        String id = listed(SHOW, null, buyer.id());
        assertError(Market.order(buyer, id), 400, "You cannot buy your own ticket");
        assertEquals(
                null,
                Market.copy(id).get("reservedBy"),
                "a refused order claims nothing: the ticket stays orderable by others");
    }

    @Test
    void aTicketIsNotOrderableOnceItsEventHasStarted() {
        // The catalog lists only future events; a copy still holds one that has begun since.
        Event begun = new Event("Matinee", "Hall", "Paris", Instant.now().minusSeconds(60));
        String id = listed(begun, null, "seller-" + Market.newId());
        assertError(Market.order(buyer, id), 400, "The event has already started");
        assertEquals(null, Market.copy(id).get("reservedBy"));
        // A listing without an event is orderable as before.
        String plain = listed(null, null, "seller-" + Market.newId());
        assertEquals(201, Market.order(buyer, plain).status());
    }
}
