package dev.ticketing.payment.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceMetrics;
import dev.ticketing.testing.ServiceUnderTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * payment-service's counters on /metrics, read before and after each step: a declined card counts
 * as declined, a charge counts as succeeded once when it is recorded, and a repeated request, a
 * redelivered webhook or a refunded charge adds nothing. Both counters change only inside a request
 * (the API's or the webhook's), never from an event, and this module's tests run one after another,
 * so every step's deltas are exact once its reply has arrived.
 */
class PaymentMetricsIT {
    private static final String SUCCEEDED = "ticketing_payments_succeeded_total";
    private static final String DECLINED = "ticketing_payments_declined_total";
    private static final List<String> COUNTERS = List.of(SUCCEEDED, DECLINED);
    private static final ServiceMetrics METRICS = new ServiceMetrics(COUNTERS);
    private static final URI WEBHOOK = ServiceUnderTest.url("/api/payments/webhook");
    private static final String WEBHOOK_SECRET = System.getProperty("it.stripe.webhook.secret");
    private static FakeStripe stripe;
    private final HttpApi http = new HttpApi();
    private final EventBus bus = EventBus.shared();

    @BeforeAll
    static void startFakeStripe() {
        stripe = FakeStripe.shared();
    }

    @Test
    void bothCountersAreOnMetricsAsCountersWithTheirDescriptions() {
        METRICS.assertEachIsADescribedCounter();
    }

    @Test
    void aDeclinedCardCountsAsDeclinedThenTheGoodCardOnceAsSucceeded() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "5.00");
        Map<String, Double> before = METRICS.read();

        HttpApi.Reply declined = Buyers.pay(buyer, orderId, "tok_chargeDeclined");
        assertEquals(402, declined.status(), declined.body());
        METRICS.assertDeltas(before, Map.of(DECLINED, 1));

        HttpApi.Reply paid = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(201, paid.status(), paid.body());
        METRICS.assertDeltas(before, Map.of(DECLINED, 1, SUCCEEDED, 1));

        // Paying again with the same card gets that payment; another card is refused: neither
        // charges nor counts.
        HttpApi.Reply again = Buyers.pay(buyer, orderId, "tok_visa");
        assertEquals(201, again.status(), again.body());
        HttpApi.Reply otherCard = Buyers.pay(buyer, orderId, "tok_mastercard");
        assertEquals(400, otherCard.status(), otherCard.body());
        assertEquals("Order has already been paid for", message(otherCard));
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId), stripe.describe().toString());
        METRICS.assertDeltas(before, Map.of(DECLINED, 1, SUCCEEDED, 1));
    }

    @Test
    void aDoubleSubmittedPaymentCountsOneSuccess() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "25.00");
        Map<String, Double> before = METRICS.read();
        CyclicBarrier together = new CyclicBarrier(2);

        List<HttpApi.Reply> replies =
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
                        .toList()
                        .stream()
                        .map(CompletableFuture::join)
                        .toList();

        Set<Integer> statuses =
                replies.stream().map(HttpApi.Reply::status).collect(Collectors.toSet());
        assertEquals(Set.of(201), statuses, replies.toString());
        METRICS.assertDeltas(before, Map.of(SUCCEEDED, 1));
    }

    @Test
    void aRedeliveredWebhookCountsOneSuccess() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "20.00");
        String intent = "pi_metrics_" + orderId;
        Map<String, Double> before = METRICS.read();

        String payload = succeededEvent(orderId, intent, 2000);
        assertEquals(200, deliver(payload).status());
        METRICS.assertDeltas(before, Map.of(SUCCEEDED, 1));

        // Stripe redelivers: the same event again, and the same PaymentIntent in a new event.
        assertEquals(200, deliver(payload).status());
        assertEquals(200, deliver(succeededEvent(orderId, intent, 2000)).status());
        METRICS.assertDeltas(before, Map.of(SUCCEEDED, 1));
    }

    @Test
    void aChargeRefundedBecauseTheOrderExpiredMeanwhileIsNoSuccess() throws Exception {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "40.00");
        Map<String, Double> before = METRICS.read();
        FakeStripe.Hold hold = stripe.hold(orderId);

        CompletableFuture<HttpApi.Reply> payment =
                CompletableFuture.supplyAsync(() -> Buyers.pay(buyer, orderId, "tok_visa"));
        assertTrue(hold.awaitArrived(30), "the charge never reached Stripe");
        bus.publish(OrderCopies.cancelled(orderId, 1));
        OrderCopies.awaitStatus(orderId, "cancelled", 1);
        hold.release();

        HttpApi.Reply reply = payment.get();
        assertEquals(400, reply.status(), reply.body());
        assertEquals(
                "The order expired before the payment completed; the charge was refunded",
                message(reply));
        METRICS.assertDeltas(before, Map.of());
    }

    private static String message(HttpApi.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    /** A payment_intent.succeeded event as Stripe sends it (as WebhookIT builds it). */
    private static String succeededEvent(String orderId, String intentId, long cents) {
        return "{\"id\":\"evt_"
                + UUID.randomUUID().toString().replace("-", "")
                + "\",\"object\":\"event\","
                + "\"api_version\":\"2025-01-27.acacia\",\"created\":"
                + Instant.now().getEpochSecond()
                + ","
                + "\"livemode\":false,\"pending_webhooks\":1,\"type\":\"payment_intent.succeeded\","
                + "\"data\":{\"object\":{\"id\":\""
                + intentId
                + "\",\"object\":\"payment_intent\",\"amount\":"
                + cents
                + ",\"amount_received\":"
                + cents
                + ",\"currency\":\"usd\",\"status\":\"succeeded\","
                + "\"metadata\":{\"orderId\":\""
                + orderId
                + "\"}}}}";
    }

    /**
     * Delivers a webhook signed as Stripe signs it: t=timestamp,v1=HMAC-SHA256(secret,
     * "timestamp.payload").
     */
    private HttpApi.Reply deliver(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                    new SecretKeySpec(
                            WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = Instant.now().getEpochSecond();
            String v1 =
                    HexFormat.of()
                            .formatHex(
                                    mac.doFinal(
                                            (t + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return http.post(WEBHOOK, payload, "Stripe-Signature", "t=" + t + ",v1=" + v1);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
