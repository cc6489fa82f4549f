package dev.ticketing.system.reservation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endings the original app got wrong: a stale cancellation, and cancelling a paid order. */
class OrderEndingsIT {
    private static Bus bus;

    @BeforeAll
    static void connect() {
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void aStaleOrderCancelledDoesNotReleaseANewerHold() {
        Sessions.User first = Sessions.signUp();
        Sessions.User second = Sessions.signUp();
        Sessions.User third = Sessions.signUp();
        Sessions.User marker = Sessions.signUp();
        String ticketId = Platform.sell(Sessions.signUp(), "Contested", "30").getString("id");
        String markerTicket = Platform.sell(Sessions.signUp(), "Marker", "1").getString("id");
        Platform.awaitCopy(ticketId, 0);
        Platform.awaitCopy(markerTicket, 0);
        // Orders here expire after 15 s (the test server's window): everything below is quick.
        String firstOrder = Platform.order(first, ticketId).json().getString("id");
        assertEquals(204, Platform.cancel(first, firstOrder).status());
        String secondOrder = Platform.order(second, ticketId).json().getString("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> secondOrder.equals(Platform.holderInCatalog(ticketId)));
        int version = Platform.ticket(ticketId).getInt("version");

        // The first order's cancellation again, as a redelivery would bring it (a fresh
        // Nats-Msg-Id,
        // so JetStream's de-duplication does not hide it), then a marker behind it on the same
        // subject.
        String stale =
                Events.toJson(
                        EventEnvelope.of(
                                new OrderCancelled(
                                        firstOrder, 1, new OrderCancelled.Ticket(ticketId))));
        bus.publish("order.cancelled", stale, "stale-" + UUID.randomUUID());
        String markerOrder = Platform.order(marker, markerTicket).json().getString("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> markerOrder.equals(Platform.holderInCatalog(markerTicket)));
        assertEquals(204, Platform.cancel(marker, markerOrder).status());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Platform.holderInCatalog(markerTicket) == null);

        assertEquals(secondOrder, Platform.holderInCatalog(ticketId));
        assertEquals(version, Platform.ticket(ticketId).getInt("version"));
        assertEquals(secondOrder, Platform.copy(ticketId).getString("reservedBy"));
        Platform.assertError(Platform.order(third, ticketId), 400, "Ticket is already reserved");
    }

    @Test
    void aCompletedOrderCannotBeCancelled() {
        Sessions.User buyer = Sessions.signUp();
        Sessions.User late = Sessions.signUp();
        String ticketId = Platform.sell(Sessions.signUp(), "Paid for", "45").getString("id");
        Platform.awaitCopy(ticketId, 0);
        String orderId = Platform.order(buyer, ticketId).json().getString("id");
        // Paid for real (payment-service's simulated gateway): a forged payment.created would leave
        // a complete order without a payment, which the audit after this class rightly refuses.
        HttpApi.Reply paid =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> Platform.pay(buyer, orderId, "tok_visa"),
                                reply -> reply.status() != 404);
        assertEquals(201, paid.status(), paid.body());
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                "complete"
                                        .equals(
                                                Platform.orderOf(buyer, orderId)
                                                        .getString("status")));

        Platform.assertError(
                Platform.cancel(buyer, orderId), 400, "Cannot cancel a completed order");
        assertEquals("complete", Platform.orderOf(buyer, orderId).getString("status"));
        assertEquals(orderId, Platform.holderInCatalog(ticketId));
        Platform.assertError(Platform.order(late, ticketId), 400, "Ticket is already reserved");
    }
}
