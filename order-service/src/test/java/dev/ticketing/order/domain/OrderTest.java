package dev.ticketing.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.errors.BusinessRuleException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {
    private final Order placed =
            Order.place(
                    "o1",
                    "buyer",
                    new Order.Ticket("t1", "Concert", new BigDecimal("10.00"), 0),
                    Instant.parse("2026-03-01T12:00:00Z"),
                    Duration.ofSeconds(900));

    @Test
    void aNewOrderHoldsItsTicketForTheWindow() {
        assertEquals(OrderStatus.CREATED, placed.status());
        assertEquals(Instant.parse("2026-03-01T12:15:00Z"), placed.expiresAt());
        assertEquals(0, placed.version());
    }

    @Test
    void cancellingIsOneChangeAndThenNothing() {
        Order cancelled = placed.cancel().orElseThrow();
        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(1, cancelled.version());
        assertTrue(cancelled.cancel().isEmpty());
        assertTrue(cancelled.expire().isEmpty());
        assertTrue(
                cancelled.complete().isEmpty(),
                "a payment that lost the race to expiry changes nothing");
    }

    @Test
    void aCompleteOrderCannotBeCancelledAndDoesNotExpire() {
        Order complete = placed.complete().orElseThrow();
        assertEquals(OrderStatus.COMPLETE, complete.status());
        BusinessRuleException refused = assertThrows(BusinessRuleException.class, complete::cancel);
        assertEquals("Cannot cancel a completed order", refused.getMessage());
        assertTrue(complete.expire().isEmpty());
        assertTrue(complete.complete().isEmpty());
    }

    @Test
    void statusesHaveTheirWireNames() {
        assertEquals("awaiting:payment", OrderStatus.AWAITING_PAYMENT.wireName());
        assertEquals(OrderStatus.AWAITING_PAYMENT, OrderStatus.ofWireName("awaiting:payment"));
    }
}
