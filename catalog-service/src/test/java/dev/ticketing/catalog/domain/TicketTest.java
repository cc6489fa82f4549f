package dev.ticketing.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.errors.ApiError;
import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.kit.events.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketTest {
    private final Ticket free =
            Ticket.list(
                    new Listing("t1", "Concert", new BigDecimal("10.5"), null, null, "seller"),
                    Instant.EPOCH);

    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");
    private static final Event SHOW =
            new Event("Night Sky Tour", "Arena", "Lyon", Instant.parse("2027-05-01T19:30:00Z"));

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
        Ticket edited = free.edit("seller", "Opera", new BigDecimal("12"), null, null, NOW);
        assertEquals(1, edited.version());
        assertEquals("Opera", edited.title());
        assertThrows(
                NotAuthorizedException.class,
                () -> free.edit("someone", "x", BigDecimal.ONE, null, null, NOW));
        Ticket reserved = free.reserve("o1", 0).after().orElseThrow();
        assertThrows(
                BusinessRuleException.class,
                () -> reserved.edit("seller", "x", BigDecimal.ONE, null, null, NOW));
    }

    @Test
    void aListingNamesAnEventInTheFutureAndKeepsItAndItsSeatThroughItsLife() {
        Seat seat = Seat.of("A", null, "14");
        Ticket listed =
                Ticket.list(new Listing("t2", "Floor", BigDecimal.TEN, SHOW, seat, "seller"), NOW);
        assertEquals(Ticket.State.ON_SALE, listed.state());
        Ticket held = listed.reserve("o1", 0).after().orElseThrow();
        assertEquals(Ticket.State.RESERVED, held.state());
        assertEquals(SHOW, held.event());
        Ticket released = held.release("o1", 1).after().orElseThrow();
        assertEquals(seat, released.seat());
        // An edit without event or seat (an old client's) keeps them; one with them replaces them.
        Ticket edited = released.edit("seller", "Floor!", BigDecimal.ONE, null, null, NOW);
        assertEquals(SHOW, edited.event());
        assertEquals(seat, edited.seat());
        Event moved = new Event("Night Sky Tour", "Dome", "Lyon", SHOW.startsAt().plusSeconds(60));
        assertEquals(moved, edited.edit("seller", "x", BigDecimal.ONE, moved, null, NOW).event());

        ValidationFailure past =
                assertThrows(
                        ValidationFailure.class,
                        () ->
                                Ticket.list(
                                        new Listing(
                                                "t3", "Late", BigDecimal.TEN, SHOW, null, "seller"),
                                        SHOW.startsAt()));
        assertEquals(
                Optional.of(Event.NOT_IN_FUTURE), Event.problem(SHOW.startsAt(), SHOW.startsAt()));
        assertEquals(List.of(new ApiError(Event.NOT_IN_FUTURE, "event.startsAt")), past.errors());
        assertThrows(
                ValidationFailure.class,
                () -> released.edit("seller", "x", BigDecimal.ONE, SHOW, null, SHOW.startsAt()));
        assertNull(Seat.of(null, null, null), "a seat of no known part is no seat");
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

    @Test
    void thePaidHolderSellsTheTicketOnceAndNothingUndoesIt() {
        Ticket held = free.reserve("o1", 0).after().orElseThrow();
        Ticket.Change sale = held.complete("o1", "buyer-1", 2, NOW);
        assertEquals(Outcome.APPLIED, sale.outcome());
        assertTrue(sale.ticketChanged());
        Ticket sold = sale.after().orElseThrow();
        assertEquals(Ticket.State.SOLD, sold.state());
        assertEquals(NOW, sold.soldAt());
        assertEquals("o1", sold.orderId());
        assertEquals(2, sold.version());
        assertEquals(
                Outcome.DUPLICATE, sold.complete("o1", "buyer-1", 2, NOW).outcome(), "redelivered");
        Ticket.Change cancelled = sold.release("o1", 3);
        assertFalse(cancelled.ticketChanged());
        assertEquals(Ticket.State.SOLD, cancelled.after().orElseThrow().state());
        assertThrows(
                BusinessRuleException.class,
                () -> sold.edit("seller", "x", BigDecimal.ONE, null, null, NOW));
        assertThrows(BusinessRuleException.class, () -> sold.withdraw("seller", NOW));
    }

    @Test
    void onlyTheSellerAttachesAFileWhileOnSaleOrReservedAndNoVersionChanges() {
        TicketFile pdf = new TicketFile("f1", TicketFile.Type.PDF, 1200, NOW);
        Ticket filed = free.attach("seller", pdf);
        assertEquals(pdf, filed.file());
        assertEquals(free.version(), filed.version(), "a file is no part of what others copy");
        assertThrows(NotAuthorizedException.class, () -> free.attach("someone", pdf));

        Ticket held = filed.reserve("o1", 0).after().orElseThrow();
        assertEquals(pdf, held.file(), "a reservation keeps the file");
        TicketFile png = new TicketFile("f2", TicketFile.Type.PNG, 800, NOW);
        assertEquals(png, held.attach("seller", png).file(), "replaced while reserved");

        Ticket sold = held.complete("o1", "buyer-1", 1, NOW).after().orElseThrow();
        assertEquals(pdf, sold.file(), "the sale keeps the file");
        BusinessRuleException afterSale =
                assertThrows(BusinessRuleException.class, () -> sold.attach("seller", png));
        assertEquals("Cannot attach a file to a sold ticket", afterSale.getMessage());
        Ticket withdrawn = free.withdraw("seller", NOW).orElseThrow();
        BusinessRuleException gone =
                assertThrows(BusinessRuleException.class, () -> withdrawn.attach("seller", pdf));
        assertEquals("Cannot attach a file to a withdrawn ticket", gone.getMessage());
    }

    @Test
    void theSellerAndOnlyThePayingBuyerMayDownload() {
        Ticket held = free.reserve("o1", 0).after().orElseThrow();
        assertTrue(held.mayDownload("seller"));
        assertFalse(held.mayDownload("buyer-1"), "reserved is not paid");
        Ticket sold = held.complete("o1", "buyer-1", 1, NOW).after().orElseThrow();
        assertEquals("buyer-1", sold.buyerId());
        assertTrue(sold.mayDownload("buyer-1"));
        assertTrue(sold.mayDownload("seller"));
        assertFalse(sold.mayDownload("someone"));
        assertFalse(sold.mayDownload(null));
        Ticket soldToUnknown = held.complete("o1", null, 1, NOW).after().orElseThrow();
        assertFalse(soldToUnknown.mayDownload("buyer-1"), "an old event names no buyer");
        assertTrue(soldToUnknown.mayDownload("seller"));
    }

    @Test
    void aCompletionWaitsForItsOrderAndAnotherOrdersCompletionSellsNothing() {
        assertEquals(Outcome.EARLY, free.complete("o1", "buyer-1", 2, NOW).outcome());
        Ticket held = free.reserve("o1", 0).after().orElseThrow();
        Ticket released = held.release("o1", 1).after().orElseThrow();
        Ticket.Change stale = released.complete("o1", "buyer-1", 2, NOW);
        assertEquals(Outcome.DUPLICATE, stale.outcome());
        assertFalse(stale.ticketChanged());
        assertEquals(Ticket.State.ON_SALE, stale.after().orElseThrow().state());
    }

    @Test
    void theSellerWithdrawsOnlyAnOnSaleListingAndOnlyOnce() {
        assertThrows(NotAuthorizedException.class, () -> free.withdraw("someone", NOW));
        Ticket withdrawn = free.withdraw("seller", NOW).orElseThrow();
        assertEquals(Ticket.State.WITHDRAWN, withdrawn.state());
        assertEquals(1, withdrawn.version());
        assertEquals(Optional.empty(), withdrawn.withdraw("seller", NOW));
        BusinessRuleException edit =
                assertThrows(
                        BusinessRuleException.class,
                        () -> withdrawn.edit("seller", "x", BigDecimal.ONE, null, null, NOW));
        assertEquals("Cannot edit a withdrawn ticket", edit.getMessage());
        Ticket held = free.reserve("o1", 0).after().orElseThrow();
        BusinessRuleException reserved =
                assertThrows(BusinessRuleException.class, () -> held.withdraw("seller", NOW));
        assertEquals("Cannot withdraw a reserved ticket", reserved.getMessage());
    }

    @Test
    void aWithdrawnListingIsNeverReservedButAnOrderPaidBeforeTheWithdrawalWasKnownBuysIt() {
        Ticket withdrawn = free.withdraw("seller", NOW).orElseThrow();
        Ticket.Change refused = withdrawn.reserve("o1", 0);
        assertEquals(Outcome.DUPLICATE, refused.outcome());
        assertFalse(refused.ticketChanged());
        Ticket remembered = refused.after().orElseThrow();
        assertEquals(Ticket.State.WITHDRAWN, remembered.state());
        assertNull(remembered.orderId());
        Ticket sold = remembered.complete("o1", "buyer-1", 2, NOW).after().orElseThrow();
        assertEquals(Ticket.State.SOLD, sold.state());
        assertEquals("o1", sold.orderId());
        assertEquals(2, sold.version());
    }
}
