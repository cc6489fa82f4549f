package dev.ticketing.catalog.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.PayoutCancelled;
import dev.ticketing.common.events.PayoutCreated;
import dev.ticketing.common.events.PayoutReleased;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seller's sold listings show what they are paid (docs/api.md, "Delivery and payouts": {@code
 * payout} on {@code GET /api/tickets/mine}), kept from payment-service's payout events in whatever
 * order they arrive; a duplicate changes nothing and a final status is never undone.
 */
class ListingPayoutsIT {
    private static final Instant RELEASE = Instant.parse("2031-06-03T19:30:00Z");
    private static Sessions.User seller;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        seller = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    private static void send(String type, EventPayload event) {
        bus.publish(type, Events.toJson(EventEnvelope.of(event)), "it-" + UUID.randomUUID());
    }

    private static void send(String type, String json) {
        bus.publish(type, json, "it-" + UUID.randomUUID());
    }

    /** A listing of the seller for 80.50, sold through {@code order}. */
    private static String sold(String order) {
        String id = Catalog.listed(seller, "Opera, box " + order, "80.50").getString("id");
        send("order.created", Catalog.orderCreated(order, id));
        send("order.completed", Catalog.orderCompleted(order, 2, id));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sold".equals(Catalog.ticket(id).getString("state")));
        return id;
    }

    private static JsonObject mine(String id) {
        return Catalog.mine(seller, "").stream()
                .map(JsonObject.class::cast)
                .filter(t -> t.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject awaitPayout(String id, String status) {
        return await("the payout of " + id + " " + status)
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> mine(id).getJsonObject("payout"),
                        p -> p != null && status.equals(p.getString("status")));
    }

    private static PayoutCreated created(String order, String id) {
        return new PayoutCreated(
                order,
                id,
                seller.id(),
                new BigDecimal("80.50"),
                new BigDecimal("8.05"),
                new BigDecimal("72.45"),
                RELEASE);
    }

    private static PayoutReleased released(String order, String id) {
        return new PayoutReleased(
                order,
                id,
                seller.id(),
                new BigDecimal("80.50"),
                new BigDecimal("8.05"),
                new BigDecimal("72.45"),
                "usd",
                "tr_1");
    }

    private static JsonObject payout(String order, String id, String status) {
        return Json.createObjectBuilder()
                .add("ticketId", id)
                .add("orderId", order)
                .add("amount", "80.50")
                .add("fee", "8.05")
                .add("net", "72.45")
                .add("status", status)
                .add("releaseAt", RELEASE.toString())
                .build();
    }

    @Test
    void aSoldListingShowsItsPayoutPendingThenPaid() {
        String order = Catalog.newOrderId();
        String id = sold(order);
        assertFalse(mine(id).containsKey("payout"), "not announced yet");

        send("payout.created", created(order, id));
        assertEquals(payout(order, id, "pending"), awaitPayout(id, "pending"));
        send("payout.created", created(order, id)); // redelivered

        send("payout.released", released(order, id));
        assertEquals(payout(order, id, "paid"), awaitPayout(id, "paid"));
        assertFalse(
                Catalog.ticket(id).containsKey("payout"), "only the seller's dashboard shows it");
    }

    @Test
    void aPaidPayoutStaysPaidWhenItsCreationArrivesLate() {
        String order = Catalog.newOrderId();
        String id = sold(order);

        send("payout.released", released(order, id));
        JsonObject early = awaitPayout(id, "paid");
        assertFalse(early.containsKey("releaseAt"), "not known before payout.created: " + early);

        send("payout.created", created(order, id));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mine(id).getJsonObject("payout").containsKey("releaseAt"));
        assertEquals(payout(order, id, "paid"), mine(id).getJsonObject("payout"));
    }

    @Test
    void aRefundedSalesPayoutIsCancelled() {
        String order = Catalog.newOrderId();
        String id = sold(order);
        send("payout.cancelled", new PayoutCancelled(order, id, seller.id()));
        // Each event type has its own channel, so "late" means after the cancellation was kept.
        JsonObject early = awaitPayout(id, "cancelled");
        assertFalse(early.containsKey("releaseAt"), "not known before payout.created: " + early);

        send("payout.created", created(order, id)); // late
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            JsonObject p = mine(id).getJsonObject("payout");
                            return p != null && p.containsKey("releaseAt");
                        });
        assertEquals(payout(order, id, "cancelled"), mine(id).getJsonObject("payout"));
    }
}
