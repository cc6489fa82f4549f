package dev.ticketing.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The marketplace's fee and the release time (docs/api.md, "Delivery and payouts"). */
class PayoutTermsTest {
    private static final Instant SOLD = Instant.parse("2027-03-01T12:00:00Z");
    private static final Instant SHOW = Instant.parse("2027-04-10T19:30:00Z");

    @ParameterizedTest(name = "{0} at {1} % → fee {2}, net {3}")
    @CsvSource({
        // price, fee %, fee, net: half a cent and more rounds up, less rounds down
        "10.00, 10, 1.00, 9.00",
        "80.50, 10, 8.05, 72.45",
        "19.99, 10, 2.00, 17.99",
        "123.45, 10, 12.35, 111.10",
        "0.01, 10, 0.00, 0.01",
        "0.04, 10, 0.00, 0.04",
        "0.05, 10, 0.01, 0.04",
        "999999.99, 10, 100000.00, 899999.99",
        "10.00, 12.5, 1.25, 8.75",
        "33.33, 12.5, 4.17, 29.16",
        "0.04, 12.5, 0.01, 0.03",
        "25.00, 0, 0.00, 25.00",
        "25.00, 100, 25.00, 0.00",
        "7.77, 3.3, 0.26, 7.51"
    })
    void theFeeIsAPercentageOfThePriceRoundedToTheCent(
            String price, String percent, String fee, String net) {
        PayoutTerms terms = new PayoutTerms(new BigDecimal(percent), Duration.ofDays(2));
        OrderCopy order = order("seller-1", SHOW);
        long cents = Cents.of(new BigDecimal(price));
        Payout payout = terms.payoutFor(order, payment(cents)).orElseThrow();

        assertEquals(cents, payout.amountCents());
        assertEquals(cents(fee), payout.feeCents(), "fee");
        assertEquals(cents(net), payout.netCents(), "net");
        assertEquals(payout.amountCents(), payout.feeCents() + payout.netCents());
    }

    @Test
    void aPayoutIsReleasedTheDelayAfterTheEventStartsOrAfterTheSaleWithoutAnEvent() {
        PayoutTerms terms = new PayoutTerms(BigDecimal.TEN, Duration.ofHours(48));
        Payout withEvent = terms.payoutFor(order("s", SHOW), payment(1000)).orElseThrow();
        assertEquals(SHOW.plus(Duration.ofHours(48)), withEvent.releaseAt());
        assertEquals(Payout.Status.PENDING, withEvent.status());
        assertEquals("order-1", withEvent.orderId());
        assertEquals("s", withEvent.sellerId());
        assertEquals("ticket-1", withEvent.ticketId());
        assertEquals(SOLD, withEvent.createdAt());

        Payout noEvent = terms.payoutFor(order("s", null), payment(1000)).orElseThrow();
        assertEquals(SOLD.plus(Duration.ofHours(48)), noEvent.releaseAt());
    }

    @Test
    void anOrderThatNamesNoSellerOwesNoPayout() {
        PayoutTerms terms = new PayoutTerms(BigDecimal.TEN, Duration.ZERO);
        assertTrue(terms.payoutFor(order(null, SHOW), payment(1000)).isEmpty());
    }

    @Test
    void termsThatCannotBeRightAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PayoutTerms(new BigDecimal("-1"), Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PayoutTerms(new BigDecimal("100.01"), Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PayoutTerms(BigDecimal.TEN, Duration.ofSeconds(-1)));
    }

    @Test
    void eachPayoutHasItsOwnTransferKeyAndShowsATransferAsPending() {
        Payout payout =
                new PayoutTerms(BigDecimal.TEN, Duration.ZERO)
                        .payoutFor(order("s", SHOW), payment(1000))
                        .orElseThrow();
        assertEquals("ticketing-payout-order-1", payout.transferKey());
        assertEquals("pending", Payout.Status.TRANSFERRING.shown());
        assertEquals("paid", Payout.Status.PAID.shown());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new Payout(
                                "o",
                                "t",
                                "s",
                                100,
                                101,
                                Payout.Status.PENDING,
                                SHOW,
                                SOLD,
                                null,
                                null));
    }

    private static OrderCopy order(String sellerId, Instant startsAt) {
        return new OrderCopy(
                "order-1",
                0,
                OrderStatus.CREATED,
                "buyer-1",
                1000,
                "ticket-1",
                sellerId,
                startsAt,
                null,
                null);
    }

    /** Money that may be zero, in cents (Cents.of refuses zero: no price is free). */
    private static long cents(String units) {
        return new BigDecimal(units).movePointRight(2).longValueExact();
    }

    private static Payment payment(long cents) {
        return new Payment("p-1", "order-1", "pi_1", cents, "usd", SOLD, null);
    }
}
