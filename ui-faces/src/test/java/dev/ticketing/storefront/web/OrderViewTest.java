package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.storefront.client.Order;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OrderViewTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static OrderView order(String status, String expiresAt) {
        return new OrderView(
                new Order(
                        "o1",
                        "u1",
                        status,
                        expiresAt,
                        0L,
                        new Order.OrderedTicket("t1", "Jazz night", new BigDecimal("20.00"), 1L)),
                CLOCK);
    }

    @Test
    void aHeldOrderWithTimeLeftIsPayableAndCountsDown() {
        OrderView view = order("created", "2026-03-01T12:14:59.400Z");
        assertTrue(view.isPayable());
        assertEquals(900, view.getSecondsLeft(), "a started second counts as left");
        assertEquals("15:00", view.getTimeLeft());
        assertEquals("Awaiting payment", view.getStatusLabel());
    }

    @Test
    void aHeldOrderPastItsDeadlineReadsAsExpiredBeforeTheTimerFires() {
        OrderView view = order("created", "2026-03-01T11:59:59Z");
        assertFalse(view.isPayable());
        assertTrue(view.isExpired());
        assertEquals("0:00", view.getTimeLeft());
        assertEquals("Expired", view.getStatusLabel());
    }

    @Test
    void aCancelledOrderIsExpiredOnceItsDeadlinePassedAndCancelledBefore() {
        assertEquals("Expired", order("cancelled", "2026-03-01T11:00:00Z").getStatusLabel());
        assertEquals("Cancelled", order("cancelled", "2026-03-01T12:10:00Z").getStatusLabel());
    }

    @Test
    void paidAndPayingOrders() {
        OrderView paid = order("complete", "2026-03-01T11:00:00Z");
        assertTrue(paid.isPaid());
        assertFalse(paid.isExpired(), "a paid order never reads as expired");
        assertEquals("Paid", paid.getStatusLabel());
        assertEquals(
                "Payment in progress",
                order("awaiting:payment", "2026-03-01T12:10:00Z").getStatusLabel());
    }

    @Test
    void countdownsOfAnHourOrMoreShowHours() {
        assertEquals("1:02:03", OrderView.countdown(3723));
        assertEquals("0:09", OrderView.countdown(9));
    }

    @Test
    void anUnreadableDeadlineIsNoTimeLeft() {
        OrderView view = order("created", "tomorrow");
        assertEquals(0, view.getSecondsLeft());
        assertFalse(view.isPayable());
    }
}
