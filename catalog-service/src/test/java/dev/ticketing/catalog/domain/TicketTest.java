package dev.ticketing.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.kit.events.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketTest {
    private final Ticket free =
            Ticket.list("t1", "Concert", new BigDecimal("10.5"), "seller", Instant.EPOCH);

    @Test
    void aNewTicketIsFreeAtVersion0WithThePriceInCents() {
        assertEquals(0, free.version());
        assertFalse(free.isReserved());
        assertEquals(new BigDecimal("10.50"), free.price());
    }

    @Test
    void pricesArePositiveWholeCentsAndBounded() {
        assertEquals(Optional.of("Price must be greater than 0"), Price.problem(BigDecimal.ZERO));
        assertEquals(
                Optional.of("Price must have at most 2 decimal places"),
                Price.problem(new BigDecimal("0.001")));
        assertEquals(Optional.empty(), Price.problem(new BigDecimal("1.100")));
        assertEquals(
                Optional.of("Price must be at most 1000000"),
                Price.problem(new BigDecimal("1E+7")));
    }

    @Test
    void onlyTheSellerEditsAndOnlyAFreeTicket() {
        Ticket edited = free.edit("seller", "Opera", new BigDecimal("12"));
        assertEquals(1, edited.version());
        assertEquals("Opera", edited.title());
        assertThrows(NotAuthorizedException.class, () -> free.edit("someone", "x", BigDecimal.ONE));
        Ticket reserved = free.reserve("o1", 0).after().orElseThrow();
        assertThrows(
                BusinessRuleException.class, () -> reserved.edit("seller", "x", BigDecimal.ONE));
    }

    @Test
    void aReservationAppliesOnceAndWaitsForTheHolderToLetGo() {
        Ticket.Change reserved = free.reserve("o1", 0);
        assertEquals(Outcome.APPLIED, reserved.outcome());
        Ticket held = reserved.after().orElseThrow();
        assertEquals("o1", held.orderId());
        assertEquals(1, held.version());
        assertEquals(Outcome.DUPLICATE, held.reserve("o1", 0).outcome());
        assertEquals(Outcome.EARLY, held.reserve("o2", 0).outcome());
    }

    @Test
    void onlyTheHoldingOrderReleasesAndAStaleCancellationChangesNothing() {
        Ticket held = free.reserve("o1", 0).after().orElseThrow();
        Ticket released = held.release("o1", 1).after().orElseThrow();
        assertNull(released.orderId());
        assertEquals(2, released.version());
        Ticket heldAgain = released.reserve("o2", 0).after().orElseThrow();
        Ticket.Change stale = heldAgain.release("o1", 1);
        assertEquals(Outcome.DUPLICATE, stale.outcome());
        assertTrue(stale.after().isEmpty());
        assertEquals(
                Outcome.DUPLICATE,
                heldAgain.reserve("o1", 0).outcome(),
                "a replayed old order.created");
    }

    @Test
    void aCancellationThatOvertookItsOrderCancelsItInAdvance() {
        Ticket.Change early = free.release("o1", 1);
        assertTrue(early.after().isPresent());
        assertFalse(early.ticketChanged());
        Ticket remembered = early.after().orElseThrow();
        assertEquals(0, remembered.version());
        assertEquals(
                Outcome.DUPLICATE,
                remembered.reserve("o1", 0).outcome(),
                "never reserved for a dead order");
        assertEquals(Outcome.APPLIED, remembered.reserve("o2", 0).outcome());
    }
}
