package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.LostReplyProxy;
import dev.ticketing.testing.Sessions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * An order whose insert the store applied but whose answer was lost on the wire (a network error,
 * as in a failover): order-service cannot tell whether the order exists, so it must not free the
 * ticket the claim gave it. It finds the order stored (the order id cannot be retired) and answers
 * 201; the ticket stays held by that order, order.created is published once, and no one else can
 * order the ticket. The store is reached through {@link LostReplyProxy}, which loses the reply to
 * the order's insert after the store applied it.
 */
class LostReplyIT {

    @Test
    void anOrderStoredWhoseAnswerWasLostIsPlacedAndKeepsItsTicket() {
        String ticketId = Market.newId();
        Sessions.User buyer = Sessions.signUp();
        Sessions.User other = Sessions.signUp();
        try (LostReplyProxy store =
                        LostReplyProxy.to(URI.create(System.getProperty("it.store.url")));
                CrashDrill drill =
                        CrashDrill.of("lost-reply", Map.of("mongodb.url", store.url()))) {
            MongoCollection<Document> tickets =
                    Market.MONGO.getDatabase(drill.database()).getCollection("tickets");
            MongoCollection<Document> orders =
                    Market.MONGO.getDatabase(drill.database()).getCollection("orders");
            Market.seedFreeCopy(tickets, ticketId, "lost reply");
            drill.restart();
            drill.awaitAccepts(buyer, "/api/orders");

            store.loseReplyToNext("insert", "orders");
            HttpApi.Reply placed = Market.orderOn(drill, buyer, ticketId);

            assertEquals(1, store.lost(), "the store's answer to the order's insert was lost");
            assertEquals(201, placed.status(), placed.body());
            String orderId = placed.json().getString("id");
            List<Document> stored =
                    orders.find(Filters.eq("ticket.id", ticketId)).into(new ArrayList<>());
            assertEquals(1, stored.size(), "one order for the ticket: " + stored);
            assertEquals(orderId, stored.get(0).getString("_id"));
            assertEquals("created", stored.get(0).getString("status"));
            assertEquals(
                    orderId,
                    tickets.find(Filters.eq("_id", ticketId)).first().getString("reservedBy"),
                    "the ticket stays held by the stored order");

            Bus bus = drill.bus();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !bus.messages("order.created").isEmpty());
            List<Bus.Stored> published = bus.messages("order.created");
            assertEquals(1, published.size(), "exactly once: " + published);
            assertEquals(
                    orderId,
                    Events.fromJson(published.get(0).json(), OrderCreated.class).data().id());

            drill.awaitAccepts(other, "/api/orders");
            HttpApi.Reply second = Market.orderOn(drill, other, ticketId);
            assertEquals(400, second.status(), second.body());
            assertEquals(
                    "{\"errors\":[{\"message\":\"Ticket is already reserved\"}]}", second.body());
        }
    }
}
