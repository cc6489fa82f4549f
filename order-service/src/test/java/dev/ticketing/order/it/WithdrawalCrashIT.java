package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A withdrawal that races an open order, under a crash. The seller's ticket.updated (withdrawn)
 * reaches order-service while a buyer's order holds the copy; the server is halted right after it
 * stored the withdrawn copy with the order still open (fault point ticket.copy.withdrawn), or right
 * after it stored the order's cancellation before publishing it (order.withdrawn). Started again,
 * the redelivered ticket.updated finishes the work: the order is cancelled and order.cancelled
 * published exactly once.
 */
class WithdrawalCrashIT {
    @ParameterizedTest(name = "halted after {0}")
    @ValueSource(strings = {"ticket.copy.withdrawn", "order.withdrawn"})
    void anOpenOrderIsCancelledExactlyOnceWhateverTheCrash(String faultPoint) throws Exception {
        String ticketId = Market.newId();
        Sessions.User buyer = Sessions.signUp();
        try (CrashDrill drill =
                CrashDrill.of(
                        "withdraw-crash-" + faultPoint.replace('.', '-'),
                        // The unacknowledged ticket.updated comes back soon after the restart.
                        Map.of("mp.messaging.incoming.ticket-updated.ack-wait", "3s"))) {
            Bus bus = drill.bus();
            String database = drill.database();
            MongoCollection<Document> tickets =
                    Market.MONGO.getDatabase(database).getCollection("tickets");
            MongoCollection<Document> orders =
                    Market.MONGO.getDatabase(database).getCollection("orders");
            Market.seedFreeCopy(tickets, ticketId, "withdrawal crash");

            drill.startHaltingAfter(faultPoint);
            drill.awaitAccepts(buyer, "/api/orders");
            HttpApi.Reply placed = Market.orderOn(drill, buyer, ticketId);
            assertEquals(201, placed.status(), placed.body());
            String orderId = placed.json().getString("id");

            // The seller withdrew it a moment before: the catalog's event.
            Market.send(
                    bus,
                    "ticket.updated",
                    new TicketUpdated(
                            ticketId,
                            1,
                            "withdrawal crash",
                            new BigDecimal("42.00"),
                            "seller-1",
                            null,
                            TicketUpdated.WITHDRAWN));
            drill.awaitHalted(faultPoint);

            Document copy = tickets.find(Filters.eq("_id", ticketId)).first();
            assertEquals(Boolean.TRUE, copy.getBoolean("withdrawn"), "copy: " + copy.toJson());
            Document order = orders.find(Filters.eq("_id", orderId)).first();
            if (faultPoint.equals("ticket.copy.withdrawn")) {
                assertEquals("created", order.getString("status"), "still open at the halt");
            } else {
                assertEquals("cancelled", order.getString("status"), "cancelled at the halt");
                assertEquals(
                        1,
                        order.getList("outbox", Document.class).size(),
                        "its event was stored with it: " + order.toJson());
            }
            assertTrue(
                    bus.messages("order.cancelled").isEmpty(),
                    "no cancellation was published before the halt");

            drill.restart();
            await("the redelivered withdrawal cancels the order and publishes it")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                Document now = orders.find(Filters.eq("_id", orderId)).first();
                                return now.getString("status").equals("cancelled")
                                        && now.getList("outbox", Document.class).isEmpty();
                            });
            bus.awaitSettled("order-service-ticket-updated", Duration.ofSeconds(60));

            List<Bus.Stored> published = bus.messages("order.cancelled");
            assertEquals(1, published.size(), "exactly once: " + published);
            OrderCancelled event =
                    Events.fromJson(published.get(0).json(), OrderCancelled.class).data();
            assertEquals(orderId, event.id());
            assertEquals(new OrderCancelled.Ticket(ticketId), event.ticket());
            Document after = orders.find(Filters.eq("_id", orderId)).first();
            assertEquals(1L, ((Number) after.get("version")).longValue(), after.toJson());
        }
    }
}
