package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An open order whose hold ended and whose expiration.complete never came is expired by
 * order-service itself (the backstop sweeps every 2 s on the test server, 3 s after the hold
 * ended): cancelled, its ticket free again, order.cancelled published. No timer-service runs here.
 */
class ExpiryBackstopIT {
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
    void anOverdueOrderWithoutItsExpiryEventIsExpiredAndItsTicketFreed() {
        String ticketId = Market.listedTicket(bus, "forgotten hold", "18");
        Sessions.User buyer = Sessions.signUp();
        String orderId = Market.placed(buyer, ticketId).getString("id");
        // Its hold ended a minute ago; no expiration.complete will ever come.
        Market.collection("orders")
                .updateOne(
                        Filters.eq("_id", orderId),
                        Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(60))));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "cancelled".equals(Market.status(buyer, orderId)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Market.copy(ticketId).getString("reservedBy") == null);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                bus.messages("order.cancelled").stream()
                                        .anyMatch(m -> m.json().contains(orderId)));
        Market.placed(Sessions.signUp(), ticketId);
    }

    @Test
    void anOpenOrderWhoseHoldHasNotEndedIsLeftAlone() {
        String ticketId = Market.listedTicket(bus, "hold still running", "18");
        Sessions.User buyer = Sessions.signUp();
        String orderId = Market.placed(buyer, ticketId).getString("id");
        Market.collection("orders")
                .updateOne(
                        Filters.eq("_id", orderId),
                        Updates.set("expiresAt", Date.from(Instant.now().plusSeconds(3600))));
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> "created".equals(Market.status(buyer, orderId)));
        assertEquals(orderId, Market.copy(ticketId).getString("reservedBy"));
        assertTrue(
                bus.messages("order.cancelled").stream()
                        .noneMatch(m -> m.json().contains(orderId)));
    }
}
