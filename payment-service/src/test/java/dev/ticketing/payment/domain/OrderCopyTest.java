package dev.ticketing.payment.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderCopyTest {
    private static final Payment PAID =
            new Payment("pay-1", "order-1", "pi_1", 1000, "usd", Instant.EPOCH, null);

    private static OrderCopy order(OrderStatus status, Payment payment) {
        return new OrderCopy("order-1", 0, status, "buyer", 1000, "ticket-1", payment);
    }

    private static PaymentRefused.Reason refusal(OrderCopy order, String buyer) {
        return assertThrows(PaymentRefused.class, () -> order.checkPayableBy(buyer)).reason();
    }

    @Test
    void theOwnerPaysForACreatedOrder() {
        assertDoesNotThrow(() -> order(OrderStatus.CREATED, null).checkPayableBy("buyer"));
    }

    @Test
    void onlyTheOwnerPays() {
        assertEquals(
                PaymentRefused.Reason.NOT_OWNER,
                refusal(order(OrderStatus.CREATED, null), "someone-else"));
        assertEquals(
                PaymentRefused.Reason.NOT_OWNER, refusal(order(OrderStatus.CREATED, null), null));
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        assertEquals(
                PaymentRefused.Reason.ORDER_CANCELLED,
                refusal(order(OrderStatus.CANCELLED, null), "buyer"));
        assertEquals(
                "Cannot pay for a cancelled order",
                PaymentRefused.Reason.ORDER_CANCELLED.message());
    }

    @Test
    void aPaidOrderCannotBePaidAgain() {
        assertEquals(
                PaymentRefused.Reason.ALREADY_PAID,
                refusal(order(OrderStatus.COMPLETE, null), "buyer"));
        assertEquals(
                PaymentRefused.Reason.ALREADY_PAID,
                refusal(order(OrderStatus.CREATED, PAID), "buyer"));
        assertEquals(
                "Order has already been paid for", PaymentRefused.Reason.ALREADY_PAID.message());
    }

    @Test
    void aCancelledOrderWithAnUnrefundedPaymentOwesARefund() {
        assertTrue(order(OrderStatus.CANCELLED, PAID).owesRefund());
        assertFalse(order(OrderStatus.CANCELLED, null).owesRefund());
        assertFalse(order(OrderStatus.COMPLETE, PAID).owesRefund());
        Payment refunded =
                new Payment("pay-1", "order-1", "pi_1", 1000, "usd", Instant.EPOCH, "re_1");
        assertFalse(order(OrderStatus.CANCELLED, refunded).owesRefund());
    }

    @Test
    void chargeKeysAreStablePerOrderAndPaymentMethod() {
        assertEquals(
                IdempotencyKeys.charge("o1", "tok_visa"), IdempotencyKeys.charge("o1", "tok_visa"));
        assertNotEquals(
                IdempotencyKeys.charge("o1", "tok_visa"), IdempotencyKeys.charge("o2", "tok_visa"));
        assertNotEquals(
                IdempotencyKeys.charge("o1", "tok_visa"),
                IdempotencyKeys.charge("o1", "tok_mastercard"));
        assertTrue(IdempotencyKeys.charge("o1", "tok_visa").startsWith("ticketing-charge-o1-"));
    }
}
