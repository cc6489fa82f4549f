package dev.ticketing.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.gateway.PaymentGateway.ChargeRequest;
import org.junit.jupiter.api.Test;

class SimulatedGatewayTest {
    private final SimulatedGateway gateway = new SimulatedGateway();

    private static ChargeRequest charge(String orderId, String token) {
        return new ChargeRequest(orderId, 1234, "usd", token, IdempotencyKeys.charge(orderId, token));
    }

    @Test
    void acceptsStripesTestTokensAndPaymentMethods() {
        for (String token : new String[] {"tok_visa", "pm_card_visa", "tok_mastercard", "pm_card_amex"}) {
            PaymentGateway.Charge charge = gateway.charge(charge("order-" + token, token));
            assertEquals(1234, charge.amountCents());
            assertEquals("usd", charge.currency());
        }
    }

    @Test
    void declinesTokChargeDeclinedWithTheCardDeclinedReason() {
        PaymentGateway.CardDeclined declined = assertThrows(PaymentGateway.CardDeclined.class,
                () -> gateway.charge(charge("order-1", "tok_chargeDeclined")));
        assertEquals("Your card was declined.", declined.getMessage());
    }

    @Test
    void refusesAnUnknownToken() {
        assertThrows(PaymentGateway.CardDeclined.class, () -> gateway.charge(charge("order-2", "tok_made_up")));
    }

    @Test
    void oneKeyOneCharge() {
        assertEquals(gateway.charge(charge("order-3", "tok_visa")).id(), gateway.charge(charge("order-3", "tok_visa")).id());
        assertNotEquals(gateway.charge(charge("order-3", "tok_visa")).id(), gateway.charge(charge("order-4", "tok_visa")).id());
    }
}
