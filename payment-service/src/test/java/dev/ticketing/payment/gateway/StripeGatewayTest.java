package dev.ticketing.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payment.checkout.PaymentGateway;
import dev.ticketing.payment.checkout.PaymentGateway.ChargeRequest;
import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.fake.FakeStripe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter: the real stripe-java client against the local fake of Stripe's HTTP API. */
class StripeGatewayTest {
    private static final String SECRET = "sk_test_unit_fake_key";

    private FakeStripe fake;
    private StripeGateway gateway;

    @BeforeEach
    void start() {
        fake = FakeStripe.start(0);
        gateway = new StripeGateway(SECRET, fake.apiBase());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static ChargeRequest charge(String orderId, long cents, String token) {
        return new ChargeRequest(
                orderId, cents, "usd", token, IdempotencyKeys.charge(orderId, token));
    }

    @Test
    void aChargeIsAConfirmedPaymentIntentInCentsWithTheKeyAndTheSecret() {
        PaymentGateway.Charge charge = gateway.charge(charge("order-1", 1050, "tok_visa"));

        assertTrue(charge.id().startsWith("pi_fake_"), charge.id());
        assertEquals(1050, charge.amountCents());
        FakeStripe.Request sent = fake.chargesFor("order-1").get(0);
        assertEquals("POST", sent.method());
        assertEquals("1050", sent.form().get("amount"));
        assertEquals("usd", sent.form().get("currency"));
        assertEquals("true", sent.form().get("confirm"));
        assertEquals("card", sent.form().get("payment_method_types[0]"));
        assertEquals("tok_visa", sent.form().get("payment_method_data[card][token]"));
        assertEquals("card", sent.form().get("payment_method_data[type]"));
        assertEquals(IdempotencyKeys.charge("order-1", "tok_visa"), sent.header("Idempotency-Key"));
        assertEquals("Bearer " + SECRET, sent.header("Authorization"));
    }

    @Test
    void aPaymentMethodIsPassedAsIs() {
        gateway.charge(charge("order-2", 100, "pm_card_visa"));
        FakeStripe.Request sent = fake.chargesFor("order-2").get(0);
        assertEquals("pm_card_visa", sent.form().get("payment_method"));
    }

    @Test
    void aRetriedChargeReusesTheKeyAndStripeChargesOnce() {
        PaymentGateway.Charge first = gateway.charge(charge("order-3", 2000, "tok_visa"));
        PaymentGateway.Charge again = gateway.charge(charge("order-3", 2000, "tok_visa"));

        assertEquals(first.id(), again.id());
        List<FakeStripe.Request> sent = fake.chargesFor("order-3");
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).header("Idempotency-Key"), sent.get(1).header("Idempotency-Key"));
        assertEquals(1, fake.paymentIntentsCreatedFor("order-3"));
    }

    @Test
    void aChargeAskedAgainADayLaterFindsThePaymentIntentItMadeInsteadOfChargingTwice() {
        // Stripe charges and every answer is lost (stripe-java's three tries).
        fake.failCharges("order-13", FakeStripe.Failure.FAIL_AFTER, 3);
        assertThrows(
                PaymentGateway.GatewayUnavailable.class,
                () -> gateway.charge(charge("order-13", 900, "tok_visa")));
        assertEquals(1, fake.paymentIntentsCreatedFor("order-13"));

        // 25 hours later Stripe has forgotten the key; the reconciler finishes the attempt.
        fake.forgetIdempotencyKeys();
        PaymentGateway.Charge finished =
                gateway.charge(
                        new ChargeRequest(
                                "order-13",
                                900,
                                "usd",
                                "tok_visa",
                                IdempotencyKeys.charge("order-13", "tok_visa"),
                                Instant.now().minus(Duration.ofHours(25))));

        assertEquals(1, fake.paymentIntentsCreatedFor("order-13"), fake.describe().toString());
        assertEquals(fake.paymentIntentsFor("order-13").get(0), finished.id());
        assertEquals(900, finished.amountCents());
    }

    @Test
    void aRecentKeyIsNotSearchedForStripeStillKeepsIt() {
        gateway.charge(
                new ChargeRequest(
                        "order-14",
                        900,
                        "usd",
                        "tok_visa",
                        IdempotencyKeys.charge("order-14", "tok_visa"),
                        Instant.now().minus(Duration.ofMinutes(2))));

        assertTrue(
                fake.requests().stream().noneMatch(r -> r.path().endsWith("/search")),
                fake.describe().toString());
        assertEquals(
                IdempotencyKeys.charge("order-14", "tok_visa"),
                fake.chargesFor("order-14").get(0).form().get("metadata[chargeKey]"));
    }

    @Test
    void aDeclinedCardGivesTheCardsReason() {
        PaymentGateway.CardDeclined declined =
                assertThrows(
                        PaymentGateway.CardDeclined.class,
                        () -> gateway.charge(charge("order-4", 500, "tok_chargeDeclined")));
        assertEquals("Your card was declined.", declined.getMessage());

        PaymentGateway.CardDeclined funds =
                assertThrows(
                        PaymentGateway.CardDeclined.class,
                        () ->
                                gateway.charge(
                                        charge(
                                                "order-4b",
                                                500,
                                                "tok_chargeDeclinedInsufficientFunds")));
        assertEquals("Your card has insufficient funds.", funds.getMessage());
    }

    @Test
    void anUnknownPaymentMethodIsTheBuyersError() {
        PaymentGateway.CardDeclined refused =
                assertThrows(
                        PaymentGateway.CardDeclined.class,
                        () -> gateway.charge(charge("order-5", 500, "bogus")));
        assertEquals("No such PaymentMethod: 'bogus'", refused.getMessage());
    }

    @Test
    void aRefundGivesBackThePaymentIntentOnceWithItsOwnKey() {
        PaymentGateway.Charge charge = gateway.charge(charge("order-6", 700, "tok_visa"));
        String key = IdempotencyKeys.refund("order-6", charge.id());
        String refund = gateway.refund(charge.id(), key);
        String again = gateway.refund(charge.id(), key);

        assertEquals(refund, again);
        List<FakeStripe.Request> sent = fake.refundsOf(charge.id());
        assertEquals(2, sent.size());
        assertEquals(key, sent.get(0).header("Idempotency-Key"));
        assertEquals("Bearer " + SECRET, sent.get(0).header("Authorization"));
    }

    @Test
    void aRefundAskedAgainAfterStripeForgotItsKeyIsTheRefundMade() {
        PaymentGateway.Charge charge = gateway.charge(charge("order-15", 700, "tok_visa"));
        String key = IdempotencyKeys.refund("order-15", charge.id());
        fake.failRefunds("order-15", FakeStripe.Failure.FAIL_AFTER, 3);
        assertThrows(
                PaymentGateway.GatewayUnavailable.class, () -> gateway.refund(charge.id(), key));
        assertEquals(1, fake.refundsMadeOf(charge.id()));

        // A day later: Stripe refuses a second refund of a refunded payment.
        fake.forgetIdempotencyKeys();
        String refund = gateway.refund(charge.id(), key);

        assertTrue(refund.startsWith("re_fake_"), refund);
        assertEquals(1, fake.refundsMadeOf(charge.id()), fake.describe().toString());
    }

    @Test
    void anUnreachableStripeIsAGatewayFailureNotADecline() {
        fake.close();
        assertThrows(
                PaymentGateway.GatewayUnavailable.class,
                () -> gateway.charge(charge("order-7", 100, "tok_visa")));
    }

    private static PaymentGateway.TransferRequest payout(String orderId, String destination) {
        return new PaymentGateway.TransferRequest(
                orderId, "seller-7", destination, 7245, "usd", IdempotencyKeys.payout(orderId));
    }

    @Test
    void aPayoutIsAConnectTransferOfTheNetToTheSellersAccountOncePerKey() {
        String first = gateway.transfer(payout("order-9", "acct_1Seller"));
        String again = gateway.transfer(payout("order-9", "acct_1Seller"));

        assertTrue(first.startsWith("tr_fake_"), first);
        assertEquals(first, again, "the same key is the same transfer");
        assertEquals(1, fake.transfersMadeFor("order-9").size(), fake.describe().toString());
        FakeStripe.Request sent = fake.transferRequestsFor("order-9").get(0);
        assertEquals("7245", sent.form().get("amount"));
        assertEquals("usd", sent.form().get("currency"));
        assertEquals("acct_1Seller", sent.form().get("destination"));
        assertEquals("order-9", sent.form().get("metadata[orderId]"));
        assertEquals("seller-7", sent.form().get("metadata[sellerId]"));
        assertEquals(IdempotencyKeys.payout("order-9"), sent.header("Idempotency-Key"));
        assertEquals(IdempotencyKeys.payout("order-9"), sent.form().get("metadata[payoutKey]"));
    }

    @Test
    void aPayoutRetriedAfterStripeForgotItsKeyFindsTheTransferItMadeInsteadOfPayingTwice() {
        // Stripe makes the transfer and every answer is lost (stripe-java's three tries).
        fake.failTransfers("order-11", FakeStripe.Failure.FAIL_AFTER, 3);
        assertThrows(
                PaymentGateway.GatewayUnavailable.class,
                () -> gateway.transfer(payout("order-11", "acct_1Seller")));
        assertEquals(1, fake.transfersMadeFor("order-11").size());

        // A day later the key is gone at Stripe; the release round asks again.
        fake.forgetIdempotencyKeys();
        String retried = gateway.transfer(payout("order-11", "acct_1Seller"));

        List<String> made = fake.transfersMadeFor("order-11");
        assertEquals(1, made.size(), "the seller is paid once: " + fake.describe());
        assertTrue(made.get(0).contains("\"id\":\"" + retried + "\""), retried + " " + made);
    }

    @Test
    void aPayoutWhoseTransferHangsPastTheTimeoutIsMadeOnceWhenAskedAgain() {
        // Every try (stripe-java's three) waits 1 s for an answer Stripe holds back 2 s; each
        // request of the key is made once it answers, as Stripe would.
        PaymentGateway impatient = new StripeGateway(SECRET, fake.apiBase(), Duration.ofSeconds(1));
        fake.hangTransfers("order-13", 2, 3);
        assertThrows(
                PaymentGateway.GatewayUnavailable.class,
                () -> impatient.transfer(payout("order-13", "acct_1Seller")));

        // The next release round asks again with the payout's key.
        String retried = impatient.transfer(payout("order-13", "acct_1Seller"));

        List<String> made = fake.transfersMadeFor("order-13");
        assertEquals(1, made.size(), "the seller is paid once: " + fake.describe());
        assertTrue(made.get(0).contains("\"id\":\"" + retried + "\""), retried + " " + made);
        assertTrue(
                fake.transferRequestsFor("order-13").size() >= 2,
                "Stripe was asked again: " + fake.describe());
    }

    @Test
    void anotherPayoutsTransferInTheSameGroupIsNotTakenForThisOne() {
        String other =
                gateway.transfer(
                        new PaymentGateway.TransferRequest(
                                "order-12", "seller-7", "acct_1Seller", 100, "usd", "another-key"));
        String payout = gateway.transfer(payout("order-12", "acct_1Seller"));

        assertTrue(!payout.equals(other), payout);
        assertEquals(2, fake.transfersMadeFor("order-12").size());
    }

    @Test
    void aSellerWithoutAConnectedAccountCannotBePaidYet() {
        PaymentGateway.GatewayUnavailable waiting =
                assertThrows(
                        PaymentGateway.GatewayUnavailable.class,
                        () -> gateway.transfer(payout("order-10", null)));
        assertTrue(
                waiting.getMessage().contains("no connected Stripe account"), waiting.getMessage());
        assertEquals(List.of(), fake.transferRequestsFor("order-10"), "Stripe is not asked");
    }
}
