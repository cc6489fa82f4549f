package dev.ticketing.order.it;

import dev.ticketing.testing.Bus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.testing.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a crash between the claim and the order insert (or between cancelling and releasing)
 * leaves behind is repaired: the sweep (every 2 s on the test server, claims older than 3 s)
 * releases a ticket held by an order that was never stored, and retires that order's id.
 */
class ClaimRepairIT {
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void aTicketHeldByAnOrderThatWasNeverStoredIsReleasedAndTheOrderIdRetired() {
        String ticketId = Market.listedTicket(bus, "orphaned", "25");
        String ghost = Market.newId();
        // A fresh claim by an order that was never stored (a crash between claim and insert)...
        Market.collection("tickets").updateOne(Filters.eq("_id", ticketId), Updates.combine(
                Updates.set("reservedBy", ghost), Updates.set("reservedAt", Date.from(Instant.now()))));
        Market.assertError(Market.order(Sessions.signUp(), ticketId), 400, "Ticket is already reserved");
        // ...once older than the grace period, is repaired by the sweep.
        Market.collection("tickets").updateOne(Filters.eq("_id", ticketId),
                Updates.set("reservedAt", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Market.copy(ticketId).getString("reservedBy") == null);
        Document retired = Market.collection("orders").find(Filters.eq("_id", ghost)).first();
        assertEquals("cancelled", retired.getString("status"));
        Market.placed(Sessions.signUp(), ticketId);
    }

    @Test
    void aTicketStillHeldByACancelledOrderIsReleased() {
        String ticketId = Market.listedTicket(bus, "half cancelled", "25");
        Sessions.User buyer = Sessions.signUp();
        String orderId = Market.placed(buyer, ticketId).getString("id");
        // As if the process died after storing the cancellation and before releasing the claim.
        Market.collection("orders").updateOne(Filters.eq("_id", orderId), Updates.combine(
                Updates.set("status", "cancelled"), Updates.unset("activeTicketId")));
        Market.collection("tickets").updateOne(Filters.eq("_id", ticketId),
                Updates.set("reservedAt", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Market.copy(ticketId).getString("reservedBy") == null);
        Market.placed(Sessions.signUp(), ticketId);
    }
}
