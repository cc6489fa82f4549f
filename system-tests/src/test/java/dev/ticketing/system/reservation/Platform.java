package dev.ticketing.system.reservation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.bson.Document;

/**
 * The marketplace as a client sees it (one origin, every service), plus a look at order-service's
 * copies.
 */
final class Platform {
    static final HttpApi HTTP = new HttpApi();
    static final MongoClient MONGO = MongoClients.create(System.getProperty("it.store.url"));

    private Platform() {}

    static JsonObject sell(Sessions.User seller, String title, String price) {
        HttpApi.Reply reply =
                HTTP.post(
                        ServiceUnderTest.url("/api/tickets"),
                        "{\"title\":\"" + title + "\",\"price\":" + price + "}",
                        seller.auth());
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    static HttpApi.Reply edit(Sessions.User seller, String ticketId, String title, String price) {
        return HTTP.put(
                ServiceUnderTest.url("/api/tickets/" + ticketId),
                "{\"title\":\"" + title + "\",\"price\":" + price + "}",
                seller.auth());
    }

    static JsonObject ticket(String id) {
        HttpApi.Reply reply = HTTP.get(ServiceUnderTest.url("/api/tickets/" + id));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static String holderInCatalog(String ticketId) {
        JsonObject t = ticket(ticketId);
        return t.containsKey("orderId") && !t.isNull("orderId") ? t.getString("orderId") : null;
    }

    static HttpApi.Reply order(Sessions.User buyer, String ticketId) {
        return HTTP.post(
                ServiceUnderTest.url("/api/orders"),
                "{\"ticketId\":\"" + ticketId + "\"}",
                buyer.auth());
    }

    static HttpApi.Reply cancel(Sessions.User buyer, String orderId) {
        return HTTP.delete(ServiceUnderTest.url("/api/orders/" + orderId), buyer.auth());
    }

    /** Pays through payment-service; 404 until its copy of the order arrived (order.created). */
    static HttpApi.Reply pay(Sessions.User buyer, String orderId, String token) {
        return HTTP.post(
                ServiceUnderTest.url("/api/payments"),
                "{\"orderId\":\"" + orderId + "\",\"token\":\"" + token + "\"}",
                buyer.auth());
    }

    static JsonObject orderOf(Sessions.User buyer, String orderId) {
        HttpApi.Reply reply =
                HTTP.get(ServiceUnderTest.url("/api/orders/" + orderId), buyer.auth());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** order-service's copy of a ticket, or null while it has none. */
    static Document copy(String ticketId) {
        return MONGO.getDatabase("orders")
                .getCollection("tickets")
                .find(Filters.eq("_id", ticketId))
                .first();
    }

    /** Waits until order-service has the ticket at {@code version}: it can be ordered. */
    static void awaitCopy(String ticketId, long version) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            Document copy = copy(ticketId);
                            return copy != null && copy.getLong("version") >= version;
                        });
    }

    static void assertError(HttpApi.Reply reply, int status, String message) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(
                message,
                reply.json().getJsonArray("errors").getJsonObject(0).getString("message"),
                reply.body());
    }
}
