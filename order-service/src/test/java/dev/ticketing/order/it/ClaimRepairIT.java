package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a crash between the claim and the order insert (or between cancelling and releasing) leaves
 * behind is repaired: the sweep (every 2 s on the test server, claims older than 3 s) releases a
 * ticket held by an order that was never stored, and retires that order's id. Sold tickets' claims
 * are closed, so the sweep reaches every live claim however many were sold.
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
        Market.collection("tickets")
                .updateOne(
                        Filters.eq("_id", ticketId),
                        Updates.combine(
                                Updates.set("reservedBy", ghost),
                                Updates.set("reservedAt", Date.from(Instant.now()))));
        Market.assertError(
                Market.order(Sessions.signUp(), ticketId), 400, "Ticket is already reserved");
        // ...once older than the grace period, is repaired by the sweep.
        Market.collection("tickets")
                .updateOne(
                        Filters.eq("_id", ticketId),
                        Updates.set("reservedAt", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Market.copy(ticketId).getString("reservedBy") == null);
        Document retired = Market.collection("orders").find(Filters.eq("_id", ghost)).first();
        assertEquals("cancelled", retired.getString("status"));
        Market.placed(Sessions.signUp(), ticketId);
    }

    @Test
    void aPaidOrdersClaimIsClosedAndItsTicketStaysHeld() {
        String ticketId = Market.listedTicket(bus, "sold", "30");
        Sessions.User buyer = Sessions.signUp();
        String orderId = Market.placed(buyer, ticketId).getString("id");
        Market.send(
                bus,
                "payment.created",
                new dev.ticketing.common.events.PaymentCreated(
                        Market.newId(), orderId, "pi_" + Market.newId()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "complete".equals(Market.status(buyer, orderId)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !Market.copy(ticketId).containsKey("reservedAt"));
        assertEquals(orderId, Market.copy(ticketId).getString("reservedBy"));
        Market.assertError(
                Market.order(Sessions.signUp(), ticketId), 400, "Ticket is already reserved");
    }

    @Test
    void aGhostClaimIsReleasedBehindTenThousandSoldTickets() {
        // Ten thousand sales as an older version left them: each claim still open, older than any
        // other.
        Date longAgo = Date.from(Instant.now().minus(Duration.ofDays(30)));
        java.util.List<Document> sold = new java.util.ArrayList<>();
        java.util.List<Document> paid = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String ticketId = Market.newId();
            String orderId = Market.newId();
            sold.add(
                    new Document("_id", ticketId)
                            .append("title", "sold " + i)
                            .append(
                                    "price",
                                    new org.bson.types.Decimal128(
                                            new java.math.BigDecimal("10.00")))
                            .append("userId", "seller")
                            .append("version", 1L)
                            .append("orderId", orderId)
                            .append("reservedBy", orderId)
                            .append("reservedAt", longAgo));
            paid.add(
                    new Document("_id", orderId)
                            .append("userId", "buyer-" + i)
                            .append("status", "complete")
                            .append("expiresAt", longAgo)
                            .append("version", 1L)
                            .append("activeTicketId", ticketId)
                            .append(
                                    "ticket",
                                    new Document("id", ticketId)
                                            .append("title", "sold " + i)
                                            .append(
                                                    "price",
                                                    new org.bson.types.Decimal128(
                                                            new java.math.BigDecimal("10.00")))
                                            .append("version", 1L)));
        }
        Market.collection("orders").insertMany(paid);
        Market.collection("tickets").insertMany(sold);
        // Behind them, one ticket held by an order that was never stored.
        String ticketId = Market.listedTicket(bus, "orphaned behind the sold ones", "25");
        String ghost = Market.newId();
        Market.collection("tickets")
                .updateOne(
                        Filters.eq("_id", ticketId),
                        Updates.combine(
                                Updates.set("reservedBy", ghost),
                                Updates.set(
                                        "reservedAt", Date.from(Instant.now().minusSeconds(60)))));

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Market.copy(ticketId).getString("reservedBy") == null);
        Market.placed(Sessions.signUp(), ticketId);
        // The sold tickets stay sold, their claims closed (a sweep that began while they were being
        // inserted may have passed some, the next one closes them): later sweeps no longer read
        // them.
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                Market.collection("tickets")
                                                .countDocuments(
                                                        Filters.and(
                                                                Filters.in(
                                                                        "_id",
                                                                        sold.stream()
                                                                                .map(
                                                                                        d ->
                                                                                                d
                                                                                                        .getString(
                                                                                                                "_id"))
                                                                                .toList()),
                                                                Filters.exists("reservedAt")))
                                        == 0);
        assertEquals(
                10_000,
                Market.collection("tickets")
                        .countDocuments(
                                Filters.and(
                                        Filters.in(
                                                "_id",
                                                sold.stream()
                                                        .map(d -> d.getString("_id"))
                                                        .toList()),
                                        Filters.ne("reservedBy", null))));
    }

    @Test
    void aTicketStillHeldByACancelledOrderIsReleased() {
        String ticketId = Market.listedTicket(bus, "half cancelled", "25");
        Sessions.User buyer = Sessions.signUp();
        String orderId = Market.placed(buyer, ticketId).getString("id");
        // As if the process died after storing the cancellation and before releasing the claim.
        Market.collection("orders")
                .updateOne(
                        Filters.eq("_id", orderId),
                        Updates.combine(
                                Updates.set("status", "cancelled"),
                                Updates.unset("activeTicketId")));
        Market.collection("tickets")
                .updateOne(
                        Filters.eq("_id", ticketId),
                        Updates.set("reservedAt", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Market.copy(ticketId).getString("reservedBy") == null);
        Market.placed(Sessions.signUp(), ticketId);
    }
}
