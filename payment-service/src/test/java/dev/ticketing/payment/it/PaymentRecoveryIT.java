package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every charge ends recorded or refunded, whatever fails when: Stripe charges but its answer is
 * lost, a refund owed fails, the webhook records the payment first. The reconciler on the test
 * server finishes attempts left unfinished for 20 s, looking every second (payments.reconcile.*).
 */
class PaymentRecoveryIT {
    private static FakeStripe stripe;
    private final HttpApi http = new HttpApi();
    private final EventBus bus = EventBus.shared();

    @BeforeAll
    static void startFakeStripe() {
        stripe = FakeStripe.shared();
    }

    private static Document attemptOf(String orderId) {
        return OrderCopies.database()
                .getCollection("attempts")
                .find(new Document("orderId", orderId))
                .first();
    }

    @Test
    void aChargeWhoseAnswerWasLostIsRecordedByTheReconcilerAndTheBuyerGetsThatPayment() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "33.00");
        // Stripe charges, then every answer (stripe-java retries twice) is lost on its way back.
        stripe.failCharges(orderId, FakeStripe.Failure.FAIL_AFTER, 3);

        HttpApi.Reply failed = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(503, failed.status(), failed.body());
        assertEquals(
                1,
                stripe.paymentIntentsCreatedFor(orderId),
                "the money moved although the buyer saw an error");

        // Nobody retries: the reconciler asks Stripe again with the attempt's key and records the
        // charge.
        PaymentCreated payment =
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> bus.paymentsOf(orderId), l -> !l.isEmpty())
                        .get(0);
        assertEquals(stripe.paymentIntentsFor(orderId).get(0), payment.stripeId());
        assertEquals("RECORDED", attemptOf(orderId).getString("state"));
        // The buyer who tries again is told of that payment, and nothing more is charged.
        HttpApi.Reply retried = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(201, retried.status(), retried.body());
        assertEquals(payment.id(), retried.json().getString("id"));
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId), stripe.describe().toString());
    }

    @Test
    void aChargeThatNeverReachedStripeIsMadeWhenTheReconcilerAsksAgain() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "12.00");
        stripe.failCharges(orderId, FakeStripe.Failure.FAIL_BEFORE, 3);

        HttpApi.Reply failed = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(503, failed.status(), failed.body());
        assertEquals(0, stripe.paymentIntentsCreatedFor(orderId));
        // The attempt was written before Stripe was asked; asked again, Stripe charges once.
        await().atMost(Duration.ofSeconds(90)).until(() -> !bus.paymentsOf(orderId).isEmpty());
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId));
    }

    @Test
    void aRefundOwedThatFailsIsRetriedUntilMade() throws Exception {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "40.00");
        FakeStripe.Hold hold = stripe.hold(orderId);
        stripe.failRefunds(orderId, FakeStripe.Failure.FAIL_BEFORE, 6);

        CompletableFuture<HttpApi.Reply> payment =
                CompletableFuture.supplyAsync(() -> Buyers.pay(buyer, orderId, "tok_visa"));
        assertTrue(hold.awaitArrived(30), "the charge never reached Stripe");
        bus.publish(
                OrderCopies.cancelled(orderId, 1)); // the hold expires while the card is charged
        OrderCopies.awaitStatus(orderId, "cancelled", 1);
        hold.release();

        HttpApi.Reply reply = payment.get();
        assertEquals(503, reply.status(), "the refund failed for now: " + reply.body());
        assertEquals(
                "REFUND_OWED", attemptOf(orderId).getString("state"), "the debt is written down");
        String intent = stripe.paymentIntentsFor(orderId).get(0);
        await().atMost(Duration.ofSeconds(90)).until(() -> stripe.refundsMadeOf(intent) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "REFUNDED".equals(attemptOf(orderId).getString("state")));
        assertEquals(
                List.of(),
                bus.paymentsOf(orderId),
                "a refunded charge is never the order's payment");
    }

    @Test
    void aBuyerWhosePaymentTheWebhookRecordedFirstGetsItNotAlreadyPaid() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "21.00");
        stripe.failCharges(orderId, FakeStripe.Failure.FAIL_AFTER, 3);
        assertEquals(503, Buyers.pay(buyer, orderId, "tok_visa").status());
        String intent = stripe.paymentIntentsFor(orderId).get(0);
        // Stripe's webhook reports the charge before anyone else records it.
        String event = WebhookIT.succeeded(orderId, intent, 2100);
        assertEquals(
                200,
                http.post(
                                WebhookIT.WEBHOOK,
                                event,
                                "Stripe-Signature",
                                WebhookIT.sign(event, WebhookIT.SECRET, Instant.now()))
                        .status());
        PaymentCreated recorded =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> bus.paymentsOf(orderId), l -> !l.isEmpty())
                        .get(0);

        HttpApi.Reply retried = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(201, retried.status(), retried.body());
        assertEquals(recorded.id(), retried.json().getString("id"));
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId));
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> bus.paymentsOf(orderId).size() == 1);
        assertEquals(0, stripe.refundsMadeOf(intent));
    }
}
