package dev.ticketing.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.payment.checkout.PaymentGateway;
import dev.ticketing.payment.checkout.PaymentGateway.ChargeRequest;
import dev.ticketing.payment.domain.IdempotencyKeys;
import org.junit.jupiter.api.Test;

class SimulatedGatewayTest {
    /**
     * The ledger as a map: the first answer of a key is kept (payment-service keeps it in its
     * store).
     */
    private final java.util.Map<String, SimulatedGateway.Answer> answers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final SimulatedGateway gateway =
            new SimulatedGateway(
                    (key, answer) -> {
                        SimulatedGateway.Answer first = answers.putIfAbsent(key, answer);
                        return first == null ? answer : first;
                    });

    private static ChargeRequest charge(String orderId, String token) {
        return new ChargeRequest(
                orderId, 1234, "usd", token, IdempotencyKeys.charge(orderId, token));
    }

    @Test
    void acceptsStripesTestTokensAndPaymentMethods() {
        for (String token :
                new String[] {"tok_visa", "pm_card_visa", "tok_mastercard", "pm_card_amex"}) {
            PaymentGateway.Charge charge = gateway.charge(charge("order-" + token, token));
            assertEquals(1234, charge.amountCents());
            assertEquals("usd", charge.currency());
        }
    }

    @Test
    void declinesTokChargeDeclinedWithTheCardDeclinedReason() {
        PaymentGateway.CardDeclined declined =
                assertThrows(
                        PaymentGateway.CardDeclined.class,
                        () -> gateway.charge(charge("order-1", "tok_chargeDeclined")));
        assertEquals("Your card was declined.", declined.getMessage());
    }

    @Test
    void refusesAnUnknownToken() {
        assertThrows(
                PaymentGateway.CardDeclined.class,
                () -> gateway.charge(charge("order-2", "tok_made_up")));
    }

    @Test
    void aGatewayStartedAgainOnTheSameLedgerAnswersTheSame() {
        String first = gateway.charge(charge("order-5", "tok_visa")).id();
        SimulatedGateway restarted =
                new SimulatedGateway(
                        (key, answer) -> {
                            SimulatedGateway.Answer kept = answers.putIfAbsent(key, answer);
                            return kept == null ? answer : kept;
                        });
        assertEquals(first, restarted.charge(charge("order-5", "tok_visa")).id());
        assertEquals(restarted.refund(first, "refund-key"), gateway.refund(first, "refund-key"));
    }

    @Test
    void oneKeyOneCharge() {
        assertEquals(
                gateway.charge(charge("order-3", "tok_visa")).id(),
                gateway.charge(charge("order-3", "tok_visa")).id());
        assertNotEquals(
                gateway.charge(charge("order-3", "tok_visa")).id(),
                gateway.charge(charge("order-4", "tok_visa")).id());
    }

    @Test
    void paysASellerOncePerKeyWithoutAnAccountAndKeepsTheTransfer() {
        PaymentGateway.TransferRequest payout =
                new PaymentGateway.TransferRequest(
                        "order-5", "seller-1", null, 900, "usd", IdempotencyKeys.payout("order-5"));
        String first = gateway.transfer(payout);
        assertEquals(first, gateway.transfer(payout), "the same key is the same transfer");
        SimulatedGateway.Answer kept = answers.get(IdempotencyKeys.payout("order-5"));
        assertEquals("transfer", kept.kind());
        assertEquals(900, kept.amountCents());
        assertEquals("seller-1", kept.message());
        assertEquals(first, kept.chargeId());
    }
}
