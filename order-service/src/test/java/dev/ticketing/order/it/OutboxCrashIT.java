package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServerCopy;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * The outbox under a crash: order-service's server is halted right after it stored a new order
 * (fault point order.place), before order.created was published; started again, it publishes that
 * event exactly once.
 */
class OutboxCrashIT {
    private static final String RUN =
            System.getProperty("ticketing.run.id", "local").replaceAll("[^A-Za-z0-9-]", "-");

    @Test
    void anOrderStoredJustBeforeACrashIsPublishedExactlyOnceAfterTheRestart() throws Exception {
        String stream = "IT-order-crash-" + RUN;
        String prefix = "it-order-crash-" + RUN;
        String database = "orders-crash";
        Map<String, String> isolated =
                Map.of(
                        "ticketing.stream", stream,
                        "ticketing.subject.prefix", prefix,
                        "jnosql.document.database", database,
                        // Sessions are signed by the auth-service of the main test server.
                        "jwt.jwks.uri",
                                ServiceUnderTest.operatorUrl("/jwt/ibm/api/ticketing/jwk")
                                        .toString());
        String ticketId = Market.newId();
        Sessions.User buyer = Sessions.signUp();
        try (Bus bus = Bus.ofOwnStream(stream, prefix);
                ServerCopy server = new ServerCopy("crash", isolated)) {
            MongoCollection<Document> tickets =
                    Market.MONGO.getDatabase(database).getCollection("tickets");
            MongoCollection<Document> orders =
                    Market.MONGO.getDatabase(database).getCollection("orders");
            tickets.insertOne(
                    new Document("_id", ticketId)
                            .append("title", "crash test")
                            .append("price", new Decimal128(new BigDecimal("42.00")))
                            .append("userId", "seller-1")
                            .append("version", 0L)
                            .append("orderId", null)
                            .append("reservedBy", null)
                            .append("reservedAt", null));

            server.start(Map.of("ticketing.fault.halt-after-write", "order.place"));
            // The copy verifies sessions on its own, with no auth-service beside it (as in split
            // mode
            // or a container): first make sure it accepts the buyer's, on a harmless read.
            await("the copy accepts the buyer's session")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () ->
                                    Market.HTTP
                                                    .get(server.url("/api/orders"), buyer.auth())
                                                    .status()
                                            == 200);
            String outcome;
            try {
                HttpApi.Reply reply =
                        Market.HTTP.post(
                                server.url("/api/orders"),
                                "{\"ticketId\":\"" + ticketId + "\"}",
                                buyer.auth());
                outcome = reply.status() + " " + reply.body();
                assertNotEquals(
                        201, reply.status(), "the server should have halted: " + reply.body());
            } catch (UncheckedIOException expected) {
                outcome = "connection closed"; // the connection died with the server
            }
            await("the server halts after storing the order (the request got: " + outcome + ")")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !server.isRunning());

            Document order = orders.find(Filters.eq("ticket.id", ticketId)).first();
            assertEquals(
                    "created", order.getString("status"), "the order was stored before the halt");
            assertEquals(
                    order.getString("_id"),
                    tickets.find(Filters.eq("_id", ticketId)).first().getString("reservedBy"));
            List<Document> pending = order.getList("outbox", Document.class);
            assertEquals(1, pending.size(), "its event was stored with it: " + order.toJson());
            String eventId = pending.get(0).getString("id");
            assertTrue(
                    bus.messages("order.created").isEmpty(),
                    "nothing was published before the halt");

            server.start(Map.of());
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    orders.find(Filters.eq("ticket.id", ticketId))
                                            .first()
                                            .getList("outbox", Document.class)
                                            .isEmpty());
            List<Bus.Stored> published = bus.messages("order.created");
            assertEquals(1, published.size(), "exactly once: " + published);
            assertEquals(eventId, published.get(0).msgId());
            OrderCreated event =
                    Events.fromJson(published.get(0).json(), OrderCreated.class).data();
            assertEquals(order.getString("_id"), event.id());
            assertEquals(buyer.id(), event.userId());
            assertEquals(
                    new OrderCreated.Ticket(ticketId, new BigDecimal("42.00"), "seller-1", null),
                    event.ticket());
        }
    }
}
