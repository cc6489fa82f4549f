package dev.ticketing.catalog.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.ServerCopy;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * The outbox under a crash: the catalog's server is halted right after it stored a reservation
 * (fault point ticket.reserve), before anything was published; started again, it publishes the
 * stored ticket.updated exactly once, and the redelivered order.created changes nothing.
 */
class OutboxCrashIT {
    private static final String RUN =
            System.getProperty("ticketing.run.id", "local").replaceAll("[^A-Za-z0-9-]", "-");

    @Test
    void aReservationStoredJustBeforeACrashIsPublishedExactlyOnceAfterTheRestart()
            throws Exception {
        String stream = "IT-catalog-crash-" + RUN;
        String prefix = "it-catalog-crash-" + RUN;
        String database = "catalog-crash";
        Map<String, String> isolated =
                Map.of(
                        "ticketing.stream", stream,
                        "ticketing.subject.prefix", prefix,
                        "jnosql.document.database", database,
                        // The unacknowledged order.created comes back soon after the restart.
                        "mp.messaging.incoming.order-created.ack-wait", "3s");
        String ticketId = Catalog.newOrderId();
        String orderId = Catalog.newOrderId();
        try (MongoClient mongo = MongoClients.create(System.getProperty("it.store.url"));
                ServerCopy server = new ServerCopy("crash", isolated);
                Bus bus = new Bus(System.getProperty("nats.url"), stream, prefix)) {
            MongoCollection<Document> tickets =
                    mongo.getDatabase(database).getCollection("tickets");
            tickets.insertOne(
                    new Document("_id", ticketId)
                            .append("title", "crash test")
                            .append("userId", "seller-1")
                            .append("price", new Decimal128(new BigDecimal("42.00")))
                            .append("version", 0L)
                            .append("orderId", null)
                            .append("listedAt", new Date())
                            .append("orderEvents", new Document()));

            server.start(Map.of("ticketing.fault.halt-after-write", "ticket.reserve"));
            bus.publish("order.created", Catalog.orderCreated(orderId, ticketId), "it-" + orderId);
            await().atMost(Duration.ofSeconds(60)).until(() -> !server.isRunning());

            Document stored = tickets.find(Filters.eq("_id", ticketId)).first();
            assertEquals(
                    orderId,
                    stored.getString("orderId"),
                    "the reservation was stored before the halt");
            assertEquals(1L, ((Number) stored.get("version")).longValue());
            List<Document> pending = stored.getList("outbox", Document.class);
            assertEquals(1, pending.size(), "its event was stored with it: " + stored.toJson());
            String eventId = pending.get(0).getString("id");
            assertTrue(
                    bus.messages("ticket.updated").isEmpty(),
                    "nothing was published before the halt");

            server.start(Map.of());
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    tickets.find(Filters.eq("_id", ticketId))
                                            .first()
                                            .getList("outbox", Document.class)
                                            .isEmpty());
            try (var nats = Nats.connect(System.getProperty("nats.url"))) {
                JetStreamManagement management = nats.jetStreamManagement();
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> {
                                    var consumer =
                                            management.getConsumerInfo(
                                                    stream, "catalog-service-order-created");
                                    return consumer.getNumAckPending() == 0
                                            && consumer.getNumPending() == 0;
                                });
            }

            List<Bus.Stored> published = bus.messages("ticket.updated");
            assertEquals(1, published.size(), "exactly once: " + published);
            assertEquals(eventId, published.get(0).msgId());
            assertEquals(
                    new TicketUpdated(
                            ticketId,
                            1,
                            "crash test",
                            new BigDecimal("42.00"),
                            "seller-1",
                            orderId,
                            "reserved"),
                    Events.fromJson(published.get(0).json(), TicketUpdated.class).data());
            Document after = tickets.find(Filters.eq("_id", ticketId)).first();
            assertEquals(
                    1L,
                    ((Number) after.get("version")).longValue(),
                    "the redelivered order.created changed nothing");
        } finally {
            try (var nats = Nats.connect(System.getProperty("nats.url"))) {
                nats.jetStreamManagement().deleteStream(stream);
            } catch (Exception ignored) {
                // the stream may not exist if the server never started
            }
        }
    }
}
