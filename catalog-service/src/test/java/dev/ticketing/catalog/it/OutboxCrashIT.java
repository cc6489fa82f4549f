package dev.ticketing.catalog.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/**
 * The outbox under a crash: the catalog's server is halted right after it stored a change to a
 * ticket (fault points ticket.reserve, ticket.sell, ticket.withdraw), before anything was
 * published; started again, it publishes the stored ticket.updated exactly once, and the
 * redelivered order event (or the seller's repeated withdrawal) changes nothing.
 */
class OutboxCrashIT {
    /** The catalog's store, where each drill's copy keeps its tickets. */
    private static final MongoClient MONGO =
            MongoClients.create(System.getProperty("it.store.url"));

    private static MongoCollection<Document> tickets(CrashDrill drill) {
        return MONGO.getDatabase(drill.database()).getCollection("tickets");
    }

    @Test
    void aReservationStoredJustBeforeACrashIsPublishedExactlyOnceAfterTheRestart()
            throws Exception {
        String ticketId = Catalog.newOrderId();
        String orderId = Catalog.newOrderId();
        try (CrashDrill drill =
                CrashDrill.of(
                        "catalog-crash",
                        // The unacknowledged order.created comes back soon after the restart.
                        Map.of("mp.messaging.incoming.order-created.ack-wait", "3s"))) {
            Bus bus = drill.bus();
            MongoCollection<Document> tickets = tickets(drill);
            seed(tickets, ticketId);

            drill.startHaltingAfter("ticket.reserve");
            bus.publish("order.created", Catalog.orderCreated(orderId, ticketId), "it-" + orderId);
            drill.awaitHalted("the reservation");

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

            drill.restart();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    tickets.find(Filters.eq("_id", ticketId))
                                            .first()
                                            .getList("outbox", Document.class)
                                            .isEmpty());
            bus.awaitSettled("catalog-service-order-created", Duration.ofSeconds(60));

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
        }
    }

    @Test
    void aSaleStoredJustBeforeACrashIsPublishedExactlyOnceAfterTheRestart() throws Exception {
        String ticketId = Catalog.newOrderId();
        String orderId = Catalog.newOrderId();
        try (CrashDrill drill =
                CrashDrill.of(
                        "catalog-sale-crash",
                        // The unacknowledged order.completed comes back soon after the restart.
                        Map.of("mp.messaging.incoming.order-completed.ack-wait", "3s"))) {
            Bus bus = drill.bus();
            MongoCollection<Document> tickets = tickets(drill);
            seed(tickets, ticketId);

            // The reservation goes through (and is published); the sale halts the server.
            drill.startHaltingAfter("ticket.sell");
            bus.publish("order.created", Catalog.orderCreated(orderId, ticketId), "it-" + orderId);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bus.messages("ticket.updated").size() == 1);
            bus.publish(
                    "order.completed",
                    Catalog.orderCompleted(orderId, 1, ticketId),
                    "it-" + orderId + "-completed");
            drill.awaitHalted("the sale");

            Document stored = tickets.find(Filters.eq("_id", ticketId)).first();
            assertEquals(orderId, stored.getString("orderId"));
            assertTrue(stored.get("soldAt") instanceof Date, "the sale was stored: " + stored);
            assertEquals(2L, ((Number) stored.get("version")).longValue());
            List<Document> pending = stored.getList("outbox", Document.class);
            assertEquals(1, pending.size(), "its event was stored with it: " + stored.toJson());
            String eventId = pending.get(0).getString("id");
            assertEquals(
                    1,
                    bus.messages("ticket.updated").size(),
                    "only the reservation was published before the halt");

            drill.restart();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    tickets.find(Filters.eq("_id", ticketId))
                                            .first()
                                            .getList("outbox", Document.class)
                                            .isEmpty());
            bus.awaitSettled("catalog-service-order-completed", Duration.ofSeconds(60));

            List<Bus.Stored> published = bus.messages("ticket.updated");
            assertEquals(2, published.size(), "the sale exactly once: " + published);
            assertEquals(eventId, published.get(1).msgId());
            assertEquals(
                    new TicketUpdated(
                            ticketId,
                            2,
                            "crash test",
                            new BigDecimal("42.00"),
                            "seller-1",
                            orderId,
                            "sold"),
                    Events.fromJson(published.get(1).json(), TicketUpdated.class).data());
            Document after = tickets.find(Filters.eq("_id", ticketId)).first();
            assertEquals(
                    2L,
                    ((Number) after.get("version")).longValue(),
                    "the redelivered order.completed changed nothing");
            assertEquals(stored.get("soldAt"), after.get("soldAt"), "sold once, at one time");
        }
    }

    @Test
    void aWithdrawalStoredJustBeforeACrashIsPublishedExactlyOnceAfterTheRestart() throws Exception {
        String ticketId = Catalog.newOrderId();
        Sessions.User seller = Sessions.signUp();
        try (CrashDrill drill = CrashDrill.of("catalog-withdraw-crash", Map.of())) {
            Bus bus = drill.bus();
            MongoCollection<Document> tickets = tickets(drill);
            seed(tickets, ticketId);
            tickets.updateOne(Filters.eq("_id", ticketId), Updates.set("userId", seller.id()));

            drill.startHaltingAfter("ticket.withdraw");
            drill.awaitAccepts(seller, "/api/tickets/mine");
            drill.haltIn(
                    "the withdrawal",
                    204,
                    () ->
                            Catalog.HTTP.delete(
                                    drill.server().url("/api/tickets/" + ticketId), seller.auth()));

            Document stored = tickets.find(Filters.eq("_id", ticketId)).first();
            assertTrue(
                    stored.get("withdrawnAt") instanceof Date,
                    "the withdrawal was stored: " + stored);
            assertEquals(1L, ((Number) stored.get("version")).longValue());
            List<Document> pending = stored.getList("outbox", Document.class);
            assertEquals(1, pending.size(), "its event was stored with it: " + stored.toJson());
            String eventId = pending.get(0).getString("id");
            assertTrue(
                    bus.messages("ticket.updated").isEmpty(),
                    "nothing was published before the halt");

            drill.restart();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    tickets.find(Filters.eq("_id", ticketId))
                                            .first()
                                            .getList("outbox", Document.class)
                                            .isEmpty());
            // The seller, who saw no answer, tries again: done already, nothing changes.
            HttpApi.Reply again =
                    Catalog.HTTP.delete(
                            drill.server().url("/api/tickets/" + ticketId), seller.auth());
            assertEquals(204, again.status(), again.body());

            List<Bus.Stored> published = bus.messages("ticket.updated");
            assertEquals(1, published.size(), "exactly once: " + published);
            assertEquals(eventId, published.get(0).msgId());
            TicketUpdated event =
                    Events.fromJson(published.get(0).json(), TicketUpdated.class).data();
            assertEquals(ticketId, event.id());
            assertEquals(1L, event.version());
            assertEquals("withdrawn", event.state());
            Document after = tickets.find(Filters.eq("_id", ticketId)).first();
            assertEquals(1L, ((Number) after.get("version")).longValue());
            assertEquals(stored.get("withdrawnAt"), after.get("withdrawnAt"));
        }
    }

    /** An on-sale listing stored as the catalog stores it. */
    private static void seed(MongoCollection<Document> tickets, String ticketId) {
        tickets.insertOne(
                new Document("_id", ticketId)
                        .append("title", "crash test")
                        .append("userId", "seller-1")
                        .append("price", new Decimal128(new BigDecimal("42.00")))
                        .append("version", 0L)
                        .append("orderId", null)
                        .append("listedAt", new Date())
                        .append("orderEvents", new Document()));
    }
}
