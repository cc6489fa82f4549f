package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.Sessions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The outbox under a crash: order-service's server is halted right after it stored a new order
 * (fault point order.place), before order.created was published; started again, it publishes that
 * event exactly once.
 */
class OutboxCrashIT {

    @Test
    void anOrderStoredJustBeforeACrashIsPublishedExactlyOnceAfterTheRestart() throws Exception {
        String ticketId = Market.newId();
        Sessions.User buyer = Sessions.signUp();
        try (CrashDrill drill = CrashDrill.of("order-crash", Map.of())) {
            Bus bus = drill.bus();
            MongoCollection<Document> tickets =
                    Market.MONGO.getDatabase(drill.database()).getCollection("tickets");
            MongoCollection<Document> orders =
                    Market.MONGO.getDatabase(drill.database()).getCollection("orders");
            Market.seedFreeCopy(tickets, ticketId, "crash test");

            drill.startHaltingAfter("order.place");
            drill.awaitAccepts(buyer, "/api/orders");
            drill.haltIn("the order", 201, () -> Market.orderOn(drill, buyer, ticketId));

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

            drill.restart();
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
