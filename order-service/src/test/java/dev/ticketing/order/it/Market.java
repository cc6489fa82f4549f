package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.order.api.OrderRequest;
import dev.ticketing.order.api.OrdersApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * What order-service's tests share: its routes as a client calls them, events as the catalog, timer
 * and payment services would publish them, and a look at its database.
 */
final class Market {
    static final HttpApi HTTP = new HttpApi();
    static final MongoClient MONGO = MongoClients.create(System.getProperty("it.store.url"));

    private Market() {}

    static MongoCollection<Document> collection(String name) {
        return MONGO.getDatabase("orders").getCollection(name);
    }

    static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static String json(EventPayload payload) {
        return Events.toJson(EventEnvelope.of(payload));
    }

    /**
     * Publishes an event with a fresh Nats-Msg-Id (so even a repeated event reaches the service).
     */
    static void send(Bus bus, String type, EventPayload payload) {
        bus.publish(type, json(payload), "it-" + UUID.randomUUID());
    }

    /** A ticket the catalog listed, once order-service has its copy. */
    static String listedTicket(Bus bus, String title, String price) {
        String id = newId();
        send(
                bus,
                "ticket.created",
                new TicketCreated(id, 0, title, new BigDecimal(price), "seller-" + id));
        await().atMost(Duration.ofSeconds(30)).until(() -> copy(id) != null);
        return id;
    }

    /**
     * A free ticket of seller-1 at 42.00, as ticket.created leaves it in order-service's copies,
     * put straight into a drill's {@code tickets} (before its server starts, so it consumes
     * nothing).
     */
    static void seedFreeCopy(MongoCollection<Document> tickets, String ticketId, String title) {
        tickets.insertOne(
                new Document("_id", ticketId)
                        .append("title", title)
                        .append("price", new Decimal128(new BigDecimal("42.00")))
                        .append("userId", "seller-1")
                        .append("version", 0L)
                        .append("orderId", null)
                        .append("reservedBy", null)
                        .append("reservedAt", null));
    }

    /**
     * {@code buyer} orders the ticket on a drill's copy of the server, raw (the copy's own port).
     */
    static HttpApi.Reply orderOn(CrashDrill drill, Sessions.User buyer, String ticketId) {
        return HTTP.post(
                drill.server().url("/api/orders"),
                "{\"ticketId\":\"" + ticketId + "\"}",
                buyer.auth());
    }

    static Document copy(String ticketId) {
        return collection("tickets").find(Filters.eq("_id", ticketId)).first();
    }

    /** Places an order through the typed client of {@link OrdersApi} (MicroShed Testing). */
    static HttpApi.Reply order(Sessions.User buyer, String ticketId) {
        return ApiClients.reply(() -> orders(buyer).place(new OrderRequest(ticketId)));
    }

    static JsonObject placed(Sessions.User buyer, String ticketId) {
        HttpApi.Reply reply = order(buyer, ticketId);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    static HttpApi.Reply get(Sessions.User user, String orderId) {
        return HTTP.get(ServiceUnderTest.url("/api/orders/" + orderId), user.auth());
    }

    static HttpApi.Reply cancel(Sessions.User user, String orderId) {
        return ApiClients.reply(() -> orders(user).cancel(orderId));
    }

    static String status(Sessions.User buyer, String orderId) {
        return orders(buyer).one(orderId).status();
    }

    /**
     * The order routes as {@code user} calls them from Java. Well-formed calls go through it; the
     * tests that send what a typed client cannot (malformed JSON, a missing body) use {@link HTTP}.
     */
    static OrdersApi orders(Sessions.User user) {
        return ApiClients.as(user, OrdersApi.class);
    }

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
}
