package dev.ticketing.catalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.catalog.api.TicketRequest;
import dev.ticketing.catalog.api.TicketsApi;
import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The catalog's routes as a client calls them, and order events as order-service would send them.
 */
final class Catalog {
    static final HttpApi HTTP = new HttpApi();

    private Catalog() {}

    static String body(String title, String price) {
        return "{\"title\":"
                + (title == null ? "null" : "\"" + title + "\"")
                + ",\"price\":"
                + price
                + "}";
    }

    static HttpApi.Reply sell(Sessions.User seller, String title, String price) {
        return HTTP.post(ServiceUnderTest.url("/api/tickets"), body(title, price), seller.auth());
    }

    /**
     * A ticket {@code seller} listed through the typed client of {@link TicketsApi} (MicroShed
     * Testing), as the catalog answered it.
     */
    static JsonObject listed(Sessions.User seller, String title, String price) {
        HttpApi.Reply reply =
                ApiClients.reply(
                        () ->
                                tickets(seller)
                                        .sell(
                                                new TicketRequest(
                                                        title,
                                                        Json.createValue(new BigDecimal(price)))));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    static HttpApi.Reply edit(Sessions.User editor, String id, String title, String price) {
        return HTTP.put(
                ServiceUnderTest.url("/api/tickets/" + id), body(title, price), editor.auth());
    }

    static HttpApi.Reply get(String id) {
        return HTTP.get(ServiceUnderTest.url("/api/tickets/" + id));
    }

    static JsonObject ticket(String id) {
        HttpApi.Reply reply = get(id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static JsonArray list(String query) {
        HttpApi.Reply reply = HTTP.get(ServiceUnderTest.url("/api/tickets" + query));
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray();
    }

    static String newOrderId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static String orderCreated(String orderId, String ticketId) {
        return Events.toJson(
                EventEnvelope.of(
                        new OrderCreated(
                                orderId,
                                0,
                                "created",
                                "buyer-1",
                                Instant.now().plusSeconds(900),
                                new OrderCreated.Ticket(ticketId, new BigDecimal("10.00")))));
    }

    static String orderCancelled(String orderId, long version, String ticketId) {
        return Events.toJson(
                EventEnvelope.of(
                        new OrderCancelled(orderId, version, new OrderCancelled.Ticket(ticketId))));
    }

    static String orderCompleted(String orderId, long version, String ticketId) {
        return Events.toJson(
                EventEnvelope.of(
                        new OrderCompleted(
                                orderId, version, "buyer-1", new OrderCompleted.Ticket(ticketId))));
    }

    static HttpApi.Reply withdraw(Sessions.User seller, String id) {
        return ApiClients.reply(() -> tickets(seller).withdraw(id));
    }

    /**
     * The ticket routes as {@code user} calls them from Java. Well-formed calls go through it;
     * {@link #sell} and {@link #edit} send the raw body a test writes (a price as a string, a
     * missing field), which a typed client cannot.
     */
    static TicketsApi tickets(Sessions.User user) {
        return ApiClients.as(user, TicketsApi.class);
    }

    static JsonArray mine(Sessions.User seller, String query) {
        HttpApi.Reply reply =
                HTTP.get(ServiceUnderTest.url("/api/tickets/mine" + query), seller.auth());
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray();
    }

    /** Exactly this one error, with Content-Type application/json. */
    static void assertError(HttpApi.Reply reply, int status, String message) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("message", message))
                        .build(),
                reply.json().getJsonArray("errors"),
                reply.body());
    }

    static void assertFieldErrors(HttpApi.Reply reply, String... fieldThenMessage) {
        assertEquals(400, reply.status(), reply.body());
        var expected = Json.createArrayBuilder();
        for (int i = 0; i < fieldThenMessage.length; i += 2) {
            expected.add(
                    Json.createObjectBuilder()
                            .add("message", fieldThenMessage[i + 1])
                            .add("field", fieldThenMessage[i]));
        }
        assertEquals(expected.build(), reply.json().getJsonArray("errors"), reply.body());
    }
}
