package dev.ticketing.catalog.it;

import static dev.ticketing.catalog.it.Catalog.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A listing's life after it is listed (docs/api.md, "Events and listings"): withdrawn by its
 * seller, sold when its order is paid (order.completed), and the seller's own list of listings in
 * every state.
 */
class ListingLifecycleIT {
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

    private static void send(String type, String json) {
        bus.publish(type, json, "it-" + UUID.randomUUID());
    }

    private static JsonObject settledAt(String id, int version) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Catalog.ticket(id).getInt("version") >= version);
        JsonObject ticket = Catalog.ticket(id);
        assertEquals(version, ticket.getInt("version"), ticket.toString());
        return ticket;
    }

    private static boolean listed(String id) {
        return Catalog.list("").stream()
                .map(JsonObject.class::cast)
                .anyMatch(t -> t.getString("id").equals(id));
    }

    private static List<TicketUpdated> updatesOf(String id) {
        return bus.messages("ticket.updated").stream()
                .map(m -> Events.fromJson(m.json(), TicketUpdated.class).data())
                .filter(t -> t.id().equals(id))
                .toList();
    }

    @Test
    void theSellerWithdrawsAnOnSaleListingOnceAndForAll() {
        String id = Catalog.listed(seller, "withdraw me", "25").getString("id");
        assertTrue(listed(id));

        HttpApi.Reply withdrawn = Catalog.withdraw(seller, id);
        assertEquals(204, withdrawn.status(), withdrawn.body());
        assertEquals("", withdrawn.body());
        JsonObject ticket = Catalog.ticket(id);
        assertEquals("withdrawn", ticket.getString("state"));
        assertEquals(1, ticket.getInt("version"));
        assertFalse(ticket.containsKey("orderId"), ticket.toString());
        assertFalse(listed(id));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new TicketUpdated(
                                                        id,
                                                        1,
                                                        "withdraw me",
                                                        new java.math.BigDecimal("25.00"),
                                                        seller.id(),
                                                        null,
                                                        "withdrawn")),
                                        updatesOf(id)));

        // Again: nothing changes, and the answer is the same (a retried request is safe).
        assertEquals(204, Catalog.withdraw(seller, id).status());
        assertEquals(1, Catalog.ticket(id).getInt("version"));
        assertError(
                Catalog.edit(seller, id, "back on sale", "30"),
                400,
                "Cannot edit a withdrawn ticket");
    }

    @Test
    void onlyItsSellerWithdrawsAListingAndAnUnknownOneIs404() {
        String id = Catalog.listed(seller, "not yours", "25").getString("id");
        Sessions.User other = Sessions.signUp();
        assertEquals(401, Catalog.withdraw(other, id).status());
        HttpApi.Reply anonymous = Catalog.HTTP.delete(ServiceUnderTest.url("/api/tickets/" + id));
        assertEquals(401, anonymous.status());
        assertError(Catalog.withdraw(seller, "665f1c2e9b1e8a3d4c5b6a00"), 404, "Not Found");
        assertEquals("on-sale", Catalog.ticket(id).getString("state"));
        assertEquals(0, Catalog.ticket(id).getInt("version"));
    }

    @Test
    void aReservedListingCannotBeWithdrawn() {
        String id = Catalog.listed(seller, "held", "25").getString("id");
        send("order.created", Catalog.orderCreated(Catalog.newOrderId(), id));
        assertEquals("reserved", settledAt(id, 1).getString("state"));
        assertError(Catalog.withdraw(seller, id), 400, "Cannot withdraw a reserved ticket");
        assertEquals("reserved", Catalog.ticket(id).getString("state"));
    }

    @Test
    void thePaidOrderSellsTheTicketForGood() {
        String id = Catalog.listed(seller, "to be sold", "25").getString("id");
        String order = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(order, id));
        settledAt(id, 1);
        Instant before = Instant.now();
        send("order.completed", Catalog.orderCompleted(order, 2, id));
        send("order.completed", Catalog.orderCompleted(order, 2, id)); // redelivered

        JsonObject sold = settledAt(id, 2);
        assertEquals("sold", sold.getString("state"), sold.toString());
        assertEquals(order, sold.getString("orderId"));
        Instant soldAt = Instant.parse(sold.getString("soldAt"));
        assertFalse(soldAt.isBefore(before.minusSeconds(5)), sold.toString());
        assertFalse(listed(id));
        assertError(Catalog.withdraw(seller, id), 400, "Cannot withdraw a sold ticket");
        assertError(Catalog.edit(seller, id, "again", "30"), 400, "Cannot edit a sold ticket");

        // A cancellation claiming otherwise (order-service never cancels a paid order) changes
        // nothing; a marker behind it on the same subject shows it was applied.
        send("order.cancelled", Catalog.orderCancelled(order, 3, id));
        String marker = Catalog.listed(seller, "marker", "1").getString("id");
        String markerOrder = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(markerOrder, marker));
        settledAt(marker, 1);
        send("order.cancelled", Catalog.orderCancelled(markerOrder, 1, marker));
        settledAt(marker, 2);
        JsonObject after = Catalog.ticket(id);
        assertEquals("sold", after.getString("state"), after.toString());
        assertEquals(2, after.getInt("version"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> updatesOf(id).stream().anyMatch(u -> "sold".equals(u.state())));
        assertEquals(List.of(1L, 2L), updatesOf(id).stream().map(TicketUpdated::version).toList());
    }

    @Test
    void aCompletionThatOvertakesItsOrderWaitsForIt() {
        String id = Catalog.listed(seller, "overtaken", "25").getString("id");
        String order = Catalog.newOrderId();
        send("order.completed", Catalog.orderCompleted(order, 2, id));
        send("order.created", Catalog.orderCreated(order, id));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "sold".equals(Catalog.ticket(id).getString("state")));
        JsonObject sold = Catalog.ticket(id);
        assertEquals(2, sold.getInt("version"), sold.toString());
        assertEquals(order, sold.getString("orderId"));
    }

    /**
     * A withdrawal races an order placed a moment earlier at order-service, whose order.created
     * only now reaches the catalog: the withdrawn listing is not reserved (order-service cancels
     * that order when the withdrawal reaches it). Had the buyer paid first, the sale stands: the
     * money has moved.
     */
    @Test
    void anOrderThatRacedTheWithdrawalHoldsNothingUnlessItWasPaid() {
        String id = Catalog.listed(seller, "raced", "25").getString("id");
        assertEquals(204, Catalog.withdraw(seller, id).status());
        String order = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(order, id));
        String marker = Catalog.listed(seller, "marker", "1").getString("id");
        send("order.created", Catalog.orderCreated(Catalog.newOrderId(), marker));
        settledAt(marker, 1);
        JsonObject still = Catalog.ticket(id);
        assertEquals("withdrawn", still.getString("state"), still.toString());
        assertEquals(1, still.getInt("version"));

        send("order.completed", Catalog.orderCompleted(order, 2, id));
        JsonObject sold = settledAt(id, 2);
        assertEquals("sold", sold.getString("state"), sold.toString());
        assertEquals(order, sold.getString("orderId"));
    }

    @Test
    void theSellerSeesEveryListingInEveryStateNewestFirstAndNobodyElses() {
        Sessions.User me = Sessions.signUp();
        String first = Catalog.listed(me, "first", "10").getString("id");
        String second = Catalog.listed(me, "second", "20").getString("id");
        String third = Catalog.listed(me, "third", "30").getString("id");
        assertEquals(204, Catalog.withdraw(me, second).status());
        String order = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(order, first));
        settledAt(first, 1);
        send("order.completed", Catalog.orderCompleted(order, 2, first));
        settledAt(first, 2);
        Catalog.listed(seller, "someone else's", "5");

        List<JsonObject> mine = Catalog.mine(me, "").getValuesAs(JsonObject.class);
        assertEquals(List.of(third, second, first), ids(mine));
        assertEquals(
                List.of("on-sale", "withdrawn", "sold"),
                mine.stream().map(t -> t.getString("state")).toList());
        assertFalse(mine.get(0).containsKey("soldAt"), mine.get(0).toString());
        assertTrue(mine.get(2).get("soldAt") instanceof JsonString, mine.get(2).toString());

        assertEquals(
                List.of(second),
                ids(Catalog.mine(me, "?limit=1&offset=1").getValuesAs(JsonObject.class)));
        assertEquals(List.of(), Catalog.mine(Sessions.signUp(), "").getValuesAs(JsonObject.class));
        assertEquals(401, Catalog.HTTP.get(ServiceUnderTest.url("/api/tickets/mine")).status());
        Catalog.assertFieldErrors(
                Catalog.HTTP.get(
                        ServiceUnderTest.url("/api/tickets/mine?limit=0&offset=-1"), me.auth()),
                "limit",
                "Limit must be a whole number from 1 to 1000",
                "offset",
                "Offset must be a whole number, 0 or more");
    }

    private static List<String> ids(List<JsonObject> tickets) {
        return tickets.stream().map(t -> t.getString("id")).toList();
    }
}
