package dev.ticketing.order.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.common.errors.BusinessRuleException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldLimitTest {
    private static final Instant NOW = Instant.parse("2026-05-01T18:00:00Z");
    private static final Order.Ticket TICKET =
            new Order.Ticket("t1", "show", new BigDecimal("20.00"), 0);

    @Test
    void theLowestFreeSlotIsTakenAndNoneWhenAllAre() {
        HoldLimit limit = new HoldLimit(4);
        assertEquals(OptionalInt.of(0), limit.freeSlot(Set.of()));
        assertEquals(OptionalInt.of(1), limit.freeSlot(Set.of(0, 2)));
        assertEquals(OptionalInt.empty(), limit.freeSlot(Set.of(0, 1, 2, 3)));
        assertEquals(OptionalInt.empty(), new HoldLimit(1).freeSlot(Set.of(0)));
    }

    @Test
    void theRefusalNamesTheLimit() {
        assertEquals(
                "You already hold 4 tickets; pay for or cancel one first",
                new HoldLimit(4).full().getMessage());
        assertEquals(
                "You already hold 1 ticket; pay for or cancel one first",
                new HoldLimit(1).full().getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HoldLimit(0));
    }

    @Test
    void aReorderWaitsForTheCancelledHoldsOriginalEnd() {
        Order cancelled =
                Order.place(
                                "o1",
                                "b",
                                TICKET,
                                NOW.minus(Duration.ofMinutes(5)),
                                Duration.ofMinutes(15))
                        .cancel()
                        .orElseThrow();
        BusinessRuleException refused =
                assertThrows(
                        BusinessRuleException.class,
                        () -> HoldLimit.checkReorder(List.of(cancelled), NOW));
        assertEquals(
                "You let this ticket go; you can order it again after 2026-05-01T18:10:00Z "
                        + "(when your hold would have ended)",
                refused.getMessage());
        assertDoesNotThrow(
                () -> HoldLimit.checkReorder(List.of(cancelled), NOW.plus(Duration.ofMinutes(10))));
    }

    @Test
    void anExpiredOrPaidOrderDoesNotHoldBackAReorder() {
        Order expired =
                Order.place(
                                "o1",
                                "b",
                                TICKET,
                                NOW.minus(Duration.ofMinutes(20)),
                                Duration.ofMinutes(15))
                        .expire()
                        .orElseThrow();
        Order open = Order.place("o2", "b", TICKET, NOW, Duration.ofMinutes(15));
        assertDoesNotThrow(() -> HoldLimit.checkReorder(List.of(expired, open), NOW));
    }
}
