package dev.ticketing.system.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Expiry end to end on the platform (ORDER_EXPIRATION_SECONDS=15): order-service publishes
 * order.created, timer-service's persistent timer fires expiration.complete, order-service cancels
 * the order and catalog-service frees the ticket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpiryIT {
    /**
     * How long after expiresAt the order must show cancelled (timer + two event hops, 2 busy
     * cores).
     */
    private static final Duration ON_TIME = Duration.ofSeconds(15);

    private final Marketplace market = new Marketplace();
    private final HttpApi http = new HttpApi();

    @Test
    @Order(1)
    void anUnpaidOrderIsCancelledOnTimeAndItsTicketIsFreeAgain() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String ticketId = market.listTicket(seller, "Expiry test concert", "20.00");
        JsonObject order = market.order(buyer, ticketId);
        String orderId = order.getString("id");
        Instant expiresAt = Marketplace.expiresAt(order);

        HttpApi.Reply timer =
                Marketplace.eventually(
                        "timer of " + orderId,
                        Duration.ofSeconds(20),
                        () -> http.get(timer(orderId)),
                        r -> r.status() == 200);
        assertEquals(expiresAt, Instant.parse(timer.json().getString("dueAt")));
        assertFalse(market.isListedAsFree(ticketId), "a reserved ticket is not listed");

        market.awaitStatus(
                buyer,
                orderId,
                "cancelled",
                Duration.between(Instant.now(), expiresAt).plus(ON_TIME));
        assertFalse(Instant.now().isBefore(expiresAt), "cancelled before it expired");
        Marketplace.eventually(
                "ticket " + ticketId + " listed again",
                Duration.ofSeconds(20),
                () -> market.isListedAsFree(ticketId),
                free -> free);
        assertEquals(404, http.get(timer(orderId)).status());
    }

    @Test
    @Order(2)
    void aPaidOrderIsNotCancelled() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String ticketId = market.listTicket(seller, "Paid concert", "35.50");
        JsonObject order = market.order(buyer, ticketId);
        String orderId = order.getString("id");

        HttpApi.Reply paid = market.payWhenKnown(buyer, orderId, "tok_visa");
        assertEquals(201, paid.status(), paid.body());
        market.awaitStatus(buyer, orderId, "complete", Duration.ofSeconds(20));

        // A control order placed after it expires after it: once the control is cancelled, the
        // paid order's due time has long passed.
        String controlTicket = market.listTicket(seller, "Control concert", "1.00");
        JsonObject control = market.order(market.signUp("control"), controlTicket);
        // The catalog takes the control ticket off the list when order.created reaches it, and
        // lists it again when the control order expires: both, in that order.
        Marketplace.eventually(
                "control reserved",
                Duration.ofSeconds(20),
                () -> market.isListedAsFree(controlTicket),
                free -> !free);
        Marketplace.eventually(
                "control expired",
                Duration.ofSeconds(60),
                () -> market.isListedAsFree(controlTicket),
                free -> free);
        assertTrue(Instant.now().isAfter(Marketplace.expiresAt(order)), control.toString());
        assertEquals("complete", market.orderOf(buyer, orderId).getString("status"));
        assertFalse(market.isListedAsFree(ticketId), "a sold ticket is not listed again");
    }

    @Test
    @Order(3)
    @Tag(PlatformServer.RESTARTS_IT)
    void aRestartWhileTimersArePendingLosesNone() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String ticketId = market.listTicket(seller, "Restart concert", "12.00");
        JsonObject order = market.order(buyer, ticketId);
        String orderId = order.getString("id");
        Instant expiresAt = Marketplace.expiresAt(order);
        Marketplace.eventually(
                "timer of " + orderId,
                Duration.ofSeconds(20),
                () -> http.get(timer(orderId)).status(),
                s -> s == 200);

        PlatformServer.stop();
        Marketplace.eventually(
                "due time passed while stopped",
                Duration.ofSeconds(30),
                Instant::now,
                now -> now.isAfter(expiresAt.plusSeconds(2)));
        PlatformServer.start();

        Instant ready = Instant.now();
        market.awaitStatus(buyer, orderId, "cancelled", ON_TIME.plus(Duration.ofSeconds(15)));
        assertTrue(Duration.between(ready, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0);
        Marketplace.eventually(
                "ticket " + ticketId + " listed again",
                Duration.ofSeconds(20),
                () -> market.isListedAsFree(ticketId),
                free -> free);
    }

    /**
     * timer-service's pending timer for the order (its own server's path: no public front routes
     * it).
     */
    private static java.net.URI timer(String orderId) {
        return ServiceUnderTest.operatorUrl("timer-service", "/internal/timers/" + orderId);
    }
}
