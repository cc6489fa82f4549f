package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/payments per docs/api.md, through the Stripe adapter (real stripe-java) against the
 * fake Stripe API this test starts on the port the server was configured with.
 */
class PaymentsIT {
    private static final URI PAYMENTS = ServiceUnderTest.url("/api/payments");
    private static FakeStripe stripe;
    private final HttpApi http = new HttpApi();
    private final EventBus bus = EventBus.shared();

    @BeforeAll
    static void startFakeStripe() {
        stripe = FakeStripe.shared();
    }

    private static String message(HttpApi.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    @Test
    void theOwnerPaysTheTicketPriceInCentsOnce() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "10.50");

        HttpApi.Reply reply = Buyers.pay(buyer, orderId, "tok_visa");

        assertEquals(201, reply.status(), reply.body());
        String paymentId = reply.json().getString("id");
        List<FakeStripe.Request> charges = stripe.chargesFor(orderId);
        assertEquals(1, charges.size(), stripe.describe().toString());
        FakeStripe.Request charge = charges.get(0);
        assertEquals("1050", charge.form().get("amount"));
        assertEquals("usd", charge.form().get("currency"));
        assertEquals(IdempotencyKeys.charge(orderId, "tok_visa"), charge.header("Idempotency-Key"));
        assertEquals(
                "Bearer " + System.getProperty("it.stripe.secret.key"),
                charge.header("Authorization"));

        PaymentCreated event =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> bus.paymentsOf(orderId), l -> !l.isEmpty())
                        .get(0);
        assertEquals(paymentId, event.id());
        assertTrue(event.stripeId().startsWith("pi_fake_"), event.stripeId());

        // The same request again (a retry, a reload): the payment it already made, nothing charged.
        HttpApi.Reply again = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(201, again.status(), again.body());
        assertEquals(paymentId, again.json().getString("id"));
        assertEquals(1, stripe.chargesFor(orderId).size(), "a paid order is not charged again");
        // Another card for an order already paid: refused.
        HttpApi.Reply otherCard = Buyers.pay(buyer, orderId, "tok_mastercard");
        assertEquals(400, otherCard.status(), otherCard.body());
        assertEquals("Order has already been paid for", message(otherCard));
        assertEquals(1, stripe.chargesFor(orderId).size(), "a paid order is not charged again");
    }

    @Test
    void aDoubleSubmittedPaymentChargesOnce() throws Exception {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "25.00");
        CyclicBarrier together = new CyclicBarrier(2);

        List<CompletableFuture<HttpApi.Reply>> submits =
                List.of(1, 2).stream()
                        .map(
                                i ->
                                        CompletableFuture.supplyAsync(
                                                () -> {
                                                    try {
                                                        together.await();
                                                    } catch (Exception e) {
                                                        throw new IllegalStateException(e);
                                                    }
                                                    return Buyers.pay(buyer, orderId, "tok_visa");
                                                }))
                        .toList();
        List<HttpApi.Reply> replies = submits.stream().map(CompletableFuture::join).toList();

        // Both submits were the same attempt: both are told of the one payment it made.
        Set<Integer> statuses =
                replies.stream().map(HttpApi.Reply::status).collect(Collectors.toSet());
        assertEquals(Set.of(201), statuses, replies.toString());
        assertEquals(
                1,
                replies.stream().map(r -> r.json().getString("id")).distinct().count(),
                replies.toString());
        assertEquals(
                1,
                stripe.paymentIntentsCreatedFor(orderId),
                "money moved once: " + stripe.describe());
        stripe.chargesFor(orderId)
                .forEach(
                        r ->
                                assertEquals(
                                        IdempotencyKeys.charge(orderId, "tok_visa"),
                                        r.header("Idempotency-Key")));
        await().atMost(Duration.ofSeconds(20)).until(() -> bus.paymentsOf(orderId).size() == 1);
        assertTrue(
                stripe.requests().stream()
                        .noneMatch(
                                r ->
                                        r.path().equals("/v1/refunds")
                                                && r.form()
                                                        .get("payment_intent")
                                                        .equals(
                                                                bus.paymentsOf(orderId)
                                                                        .get(0)
                                                                        .stripeId())),
                "the one charge is not refunded");
    }

    @Test
    void aDeclinedCardIsA402WithTheCardsReasonAndAnotherCardMayFollow() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "5");

        HttpApi.Reply declined = Buyers.pay(buyer, orderId, "tok_chargeDeclined");
        assertEquals(402, declined.status(), declined.body());
        assertEquals("Your card was declined.", message(declined));
        assertEquals("application/json", declined.header("Content-Type").orElse("").split(";")[0]);

        HttpApi.Reply paid = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(201, paid.status(), paid.body());
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId));
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "12.00");
        bus.publish(OrderCopies.cancelled(orderId, 1));
        OrderCopies.awaitStatus(orderId, "cancelled", 1);

        HttpApi.Reply reply = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Cannot pay for a cancelled order", message(reply));
        assertEquals(List.of(), stripe.chargesFor(orderId));
    }

    @Test
    void aCompletedOrderCannotBePaidAgain() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "12.00");
        bus.publish(OrderCopies.completed(orderId, 1));
        OrderCopies.awaitStatus(orderId, "complete", 1);

        HttpApi.Reply reply = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Order has already been paid for", message(reply));
        assertEquals(List.of(), stripe.chargesFor(orderId));
    }

    @Test
    void onlyTheOwnerMayPay() {
        Buyers.Buyer owner = Buyers.signUp();
        Buyers.Buyer other = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(owner.id(), "8.00");

        HttpApi.Reply reply = Buyers.pay(other, orderId, "tok_visa");
        assertEquals(401, reply.status(), reply.body());
        assertEquals("Not authorized", message(reply));
        assertEquals(List.of(), stripe.chargesFor(orderId));
    }

    @Test
    void signingInIsRequired() {
        HttpApi.Reply reply =
                http.post(
                        PAYMENTS,
                        "{\"orderId\":\""
                                + OrderCopies.newOrderId()
                                + "\",\"token\":\"tok_visa\"}");
        assertEquals(401, reply.status(), reply.body());
        assertEquals("Not authorized", message(reply));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        HttpApi.Reply reply = Buyers.pay(Buyers.signUp(), OrderCopies.newOrderId(), "tok_visa");
        assertEquals(404, reply.status(), reply.body());
        assertEquals("Not Found", message(reply));
    }

    @Test
    void orderIdAndTokenAreRequired() {
        Buyers.Buyer buyer = Buyers.signUp();
        HttpApi.Reply reply =
                http.post(PAYMENTS, "{\"orderId\":\"\",\"token\":\" \"}", "Cookie", buyer.cookie());
        assertEquals(400, reply.status(), reply.body());
        Set<String> fields =
                reply.json().getJsonArray("errors").stream()
                        .map(JsonValue::asJsonObject)
                        .map(e -> e.getString("field") + ": " + e.getString("message"))
                        .collect(Collectors.toSet());
        assertEquals(
                Set.of("orderId: OrderId must be provided", "token: Token must be provided"),
                fields);

        // Every text field has a limit (docs/api.md, "Hardening"): no token is megabytes long.
        HttpApi.Reply huge =
                http.post(
                        PAYMENTS,
                        "{\"orderId\":\"6650c1f2a1b2c3d4e5f60789\",\"token\":\""
                                + "t".repeat(300)
                                + "\"}",
                        "Cookie",
                        buyer.cookie());
        assertEquals(400, huge.status(), huge.body());
        assertEquals(
                "token", huge.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("Token must be at most 255 characters", message(huge));

        HttpApi.Reply empty = http.post(PAYMENTS, "", "Cookie", buyer.cookie());
        assertEquals(400, empty.status(), empty.body());
        HttpApi.Reply nothing = http.post(PAYMENTS, "null", "Cookie", buyer.cookie());
        assertEquals(400, nothing.status(), nothing.body());
        assertEquals("A JSON body with orderId and token is required", message(nothing));
        HttpApi.Reply malformed = http.post(PAYMENTS, "{\"orderId\":", "Cookie", buyer.cookie());
        assertEquals(400, malformed.status(), malformed.body());
        HttpApi.Reply wrongType =
                http.post(PAYMENTS, "{\"orderId\":[1],\"token\":{}}", "Cookie", buyer.cookie());
        assertEquals(400, wrongType.status(), wrongType.body());
    }

    @Test
    void anUnknownPaymentMethodIsRefusedWithStripesReason() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "3.00");
        HttpApi.Reply reply = Buyers.pay(buyer, orderId, "no_such_card");
        assertEquals(402, reply.status(), reply.body());
        assertEquals("No such PaymentMethod: 'no_such_card'", message(reply));
    }

    @Test
    void aChargeThatSucceedsAfterTheOrderExpiredIsRefunded() throws Exception {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "40.00");
        FakeStripe.Hold hold = stripe.hold(orderId);

        CompletableFuture<HttpApi.Reply> payment =
                CompletableFuture.supplyAsync(() -> Buyers.pay(buyer, orderId, "tok_visa"));
        assertTrue(hold.awaitArrived(30), "the charge never reached Stripe");
        // The hold expires while Stripe is still charging the card.
        bus.publish(OrderCopies.cancelled(orderId, 1));
        OrderCopies.awaitStatus(orderId, "cancelled", 1);
        hold.release();

        HttpApi.Reply reply = payment.get();
        assertEquals(400, reply.status(), reply.body());
        assertEquals(
                "The order expired before the payment completed; the charge was refunded",
                message(reply));
        List<FakeStripe.Request> charges = stripe.chargesFor(orderId);
        assertEquals(1, charges.size());
        List<String> intents = stripe.paymentIntentsFor(orderId);
        assertEquals(1, intents.size(), stripe.describe().toString());
        String intent = intents.get(0);
        assertEquals(1, stripe.refundsOf(intent).size(), stripe.describe().toString());
        assertEquals(
                IdempotencyKeys.refund(orderId, intent),
                stripe.refundsOf(intent).get(0).header("Idempotency-Key"));
        assertEquals(
                List.of(), bus.paymentsOf(orderId), "no payment.created for a refunded charge");
    }

    @Test
    void aPaymentWhoseOrderIsCancelledAfterwardsIsRefunded() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "15.00");
        assertEquals(201, Buyers.pay(buyer, orderId, "tok_visa").status());
        String intent =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> bus.paymentsOf(orderId), l -> !l.isEmpty())
                        .get(0)
                        .stripeId();

        // order-service expired the order before the payment reached it.
        bus.publish(OrderCopies.cancelled(orderId, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> stripe.refundsOf(intent).size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                OrderCopies.find(orderId)
                                        .map(
                                                d ->
                                                        d.get("payment", org.bson.Document.class)
                                                                        .getString("refundId")
                                                                != null)
                                        .orElse(false));
    }

    @Test
    void orderEventsApplyInVersionOrderWhateverOrderTheyArriveIn() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.newOrderId();
        // The cancel (version 1) arrives before the order (version 0): it waits and comes back.
        bus.publish(OrderCopies.cancelled(orderId, 1));
        bus.publish(OrderCopies.created(orderId, buyer.id(), "9.99"));
        OrderCopies.awaitStatus(orderId, "cancelled", 1);

        // A redelivered order.created changes nothing.
        bus.publish(OrderCopies.created(orderId, buyer.id(), "9.99"));
        // A marker published after it: once its copy exists, the redelivery was handled.
        OrderCopies.placeOrder(buyer.id(), "1.00");
        org.bson.Document copy = OrderCopies.find(orderId).orElseThrow();
        assertEquals("cancelled", copy.getString("status"));
        assertEquals(1L, ((Number) copy.get("version")).longValue());
        assertEquals(999L, ((Number) copy.get("priceCents")).longValue());
    }
}
