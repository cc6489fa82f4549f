package dev.ticketing.order.it;

import static dev.ticketing.order.it.Market.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every order route of docs/api.md with its statuses and messages, and the lifecycle events an
 * order publishes.
 */
class OrderRoutesIT {
    private static final long WINDOW = Long.getLong("it.order.expiration.seconds", 600);
    private static Sessions.User buyer;
    private static Sessions.User other;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        buyer = Sessions.signUp();
        other = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void aBuyerOrdersAFreeTicketAndHoldsItForTheWindow() {
        String ticketId = Market.listedTicket(bus, "Opera, box 2", "80.50");
        Instant before = Instant.now();
        JsonObject order = Market.placed(buyer, ticketId);
        Instant after = Instant.now();

        assertEquals(buyer.id(), order.getString("userId"));
        assertEquals("created", order.getString("status"));
        assertEquals(0, order.getInt("version"));
        Instant expiresAt = Instant.parse(order.getString("expiresAt"));
        assertTrue(
                !expiresAt.isBefore(before.plusSeconds(WINDOW).minusSeconds(1))
                        && !expiresAt.isAfter(after.plusSeconds(WINDOW).plusSeconds(1)),
                order.toString());
        JsonObject ticket = order.getJsonObject("ticket");
        assertEquals(ticketId, ticket.getString("id"));
        assertEquals("Opera, box 2", ticket.getString("title"));
        assertEquals(new BigDecimal("80.50"), ticket.getJsonNumber("price").bigDecimalValue());
        assertEquals(0, ticket.getInt("version"));

        String id = order.getString("id");
        assertEquals(order, Market.get(buyer, id).json());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new OrderCreated(
                                                        id,
                                                        0,
                                                        "created",
                                                        buyer.id(),
                                                        expiresAt,
                                                        new OrderCreated.Ticket(
                                                                ticketId,
                                                                new BigDecimal("80.50"),
                                                                "seller-" + ticketId,
                                                                null))),
                                        events("order.created", OrderCreated.class).stream()
                                                .filter(e -> e.id().equals(id))
                                                .toList()));
    }

    @Test
    void orderingNeedsASignedInBuyerAKnownTicketAndAFreeOne() {
        String ticketId = Market.listedTicket(bus, "Match", "20");
        assertError(
                Market.HTTP.post(
                        ServiceUnderTest.url("/api/orders"), "{\"ticketId\":\"" + ticketId + "\"}"),
                401,
                "Not authorized");
        HttpApi.Reply missing =
                Market.HTTP.post(ServiceUnderTest.url("/api/orders"), "{}", buyer.auth());
        assertEquals(400, missing.status(), missing.body());
        assertEquals(
                "ticketId",
                missing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                "TicketId must be provided",
                missing.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals(
                400,
                Market.HTTP
                        .post(ServiceUnderTest.url("/api/orders"), "{\"ticketId\":", buyer.auth())
                        .status());
        assertError(Market.order(buyer, Market.newId()), 404, "Not Found");

        Market.placed(buyer, ticketId);
        assertError(Market.order(other, ticketId), 400, "Ticket is already reserved");
        assertError(Market.order(buyer, ticketId), 400, "Ticket is already reserved");
    }

    @Test
    void buyersSeeOnlyTheirOwnOrders() {
        Sessions.User mine = Sessions.signUp();
        String first = Market.placed(mine, Market.listedTicket(bus, "one", "1")).getString("id");
        String second = Market.placed(mine, Market.listedTicket(bus, "two", "2")).getString("id");
        HttpApi.Reply list = Market.HTTP.get(ServiceUnderTest.url("/api/orders"), mine.auth());
        assertEquals(200, list.status(), list.body());
        assertEquals(
                List.of(second, first),
                list.jsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .map(o -> o.getString("id"))
                        .toList());
        assertTrue(list.jsonArray().getJsonObject(0).containsKey("ticket"));

        assertError(Market.HTTP.get(ServiceUnderTest.url("/api/orders")), 401, "Not authorized");
        assertError(Market.get(other, first), 401, "Not authorized");
        assertError(
                Market.HTTP.get(ServiceUnderTest.url("/api/orders/" + first)),
                401,
                "Not authorized");
        assertError(Market.get(mine, Market.newId()), 404, "Not Found");
        assertError(Market.get(mine, "not-an-id"), 404, "Not Found");
    }

    @Test
    void theBuyerCancelsOnceAndTheTicketIsFreeForSomeoneElse() {
        String ticketId = Market.listedTicket(bus, "Theatre", "35");
        String id = Market.placed(buyer, ticketId).getString("id");
        assertError(Market.cancel(other, id), 401, "Not authorized");
        assertError(
                Market.HTTP.delete(ServiceUnderTest.url("/api/orders/" + id)),
                401,
                "Not authorized");
        assertError(Market.cancel(buyer, Market.newId()), 404, "Not Found");

        assertEquals(204, Market.cancel(buyer, id).status());
        JsonObject cancelled = Market.get(buyer, id).json();
        assertEquals("cancelled", cancelled.getString("status"));
        assertEquals(1, cancelled.getInt("version"));
        assertEquals(
                204,
                Market.cancel(buyer, id).status(),
                "an already cancelled order stays as it is");
        assertEquals(1, Market.get(buyer, id).json().getInt("version"));

        Market.placed(other, ticketId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new OrderCancelled(
                                                        id,
                                                        1,
                                                        new OrderCancelled.Ticket(ticketId))),
                                        events("order.cancelled", OrderCancelled.class).stream()
                                                .filter(e -> e.id().equals(id))
                                                .toList()));
    }

    @Test
    void aPaidOrderIsCompleteAndCanNeitherBeCancelledNorExpire() {
        String ticketId = Market.listedTicket(bus, "Final", "99.99");
        String id = Market.placed(buyer, ticketId).getString("id");
        Market.send(bus, "payment.created", new PaymentCreated(Market.newId(), id, "ch_test_1"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Market.status(buyer, id).equals("complete"));

        assertError(Market.cancel(buyer, id), 400, "Cannot cancel a completed order");
        Market.send(bus, "expiration.complete", new ExpirationComplete(id));
        Market.send(bus, "payment.created", new PaymentCreated(Market.newId(), id, "ch_test_1"));
        String marker =
                Market.placed(other, Market.listedTicket(bus, "marker", "1")).getString("id");
        Market.send(bus, "expiration.complete", new ExpirationComplete(marker));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Market.status(other, marker).equals("cancelled"));

        JsonObject order = Market.get(buyer, id).json();
        assertEquals("complete", order.getString("status"));
        assertEquals(1, order.getInt("version"));
        assertError(Market.order(other, ticketId), 400, "Ticket is already reserved");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new OrderCompleted(
                                                        id,
                                                        1,
                                                        buyer.id(),
                                                        new OrderCompleted.Ticket(ticketId))),
                                        events("order.completed", OrderCompleted.class).stream()
                                                .filter(e -> e.id().equals(id))
                                                .toList()));
        assertTrue(
                events("order.cancelled", OrderCancelled.class).stream()
                        .noneMatch(e -> e.id().equals(id)));
    }

    @Test
    void anExpiredOrderIsCancelledAndReleasesItsTicket() {
        String ticketId = Market.listedTicket(bus, "Late show", "12");
        String id = Market.placed(buyer, ticketId).getString("id");
        Market.send(bus, "expiration.complete", new ExpirationComplete(id));
        Market.send(bus, "expiration.complete", new ExpirationComplete(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Market.status(buyer, id).equals("cancelled"));
        Market.placed(other, ticketId);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new OrderCancelled(
                                                        id,
                                                        1,
                                                        new OrderCancelled.Ticket(ticketId))),
                                        events("order.cancelled", OrderCancelled.class).stream()
                                                .filter(e -> e.id().equals(id))
                                                .toList()));
    }

    private static <T extends dev.ticketing.common.events.EventPayload> List<T> events(
            String type, Class<T> payload) {
        return bus.messages(type).stream()
                .map(m -> Events.fromJson(m.json(), payload).data())
                .toList();
    }
}
