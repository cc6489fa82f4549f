package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * POST /api/payments/webhook: Stripe's signature over the raw body, checked as Stripe documents it.
 */
class WebhookIT {
    static final URI WEBHOOK = ServiceUnderTest.url("/api/payments/webhook");
    static final String SECRET = System.getProperty("it.stripe.webhook.secret");
    private final HttpApi http = new HttpApi();
    private final EventBus bus = EventBus.shared();

    /**
     * A payment_intent.succeeded event as Stripe sends it (the fields payment-service reads, and
     * more).
     */
    static String succeeded(String orderId, String intentId, long cents) {
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

    /** The Stripe-Signature header: t=timestamp,v1=HMAC-SHA256(secret, "timestamp.payload"). */
    static String sign(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpApi.Reply deliver(String payload, String signature) {
        return signature == null
                ? http.post(WEBHOOK, payload)
                : http.post(WEBHOOK, payload, "Stripe-Signature", signature);
    }

    private static String message(HttpApi.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    @Test
    void aValidSucceededEventRecordsTheOrdersPaymentOnce() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "20.00");
        String intent = "pi_webhook_" + orderId;
        String payload = succeeded(orderId, intent, 2000);

        HttpApi.Reply first = deliver(payload, sign(payload, SECRET, Instant.now()));
        assertEquals(200, first.status(), first.body());
        PaymentCreated payment =
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> bus.paymentsOf(orderId), l -> !l.isEmpty())
                        .get(0);
        assertEquals(intent, payment.stripeId());

        // Stripe redelivers webhooks: the same event again, and the same intent in a new event.
        assertEquals(200, deliver(payload, sign(payload, SECRET, Instant.now())).status());
        String another = succeeded(orderId, intent, 2000);
        assertEquals(200, deliver(another, sign(another, SECRET, Instant.now())).status());
        // A later marker order's payment shows both deliveries were handled before we count.
        String marker = OrderCopies.placeOrder(buyer.id(), "1.00");
        String markerPayload = succeeded(marker, "pi_marker_" + marker, 100);
        assertEquals(
                200, deliver(markerPayload, sign(markerPayload, SECRET, Instant.now())).status());
        await().atMost(Duration.ofSeconds(20)).until(() -> !bus.paymentsOf(marker).isEmpty());
        assertEquals(1, bus.paymentsOf(orderId).size(), "one payment.created per order");
    }

    @Test
    void aTamperedBodyIsRefused() {
        String payload = succeeded(OrderCopies.newOrderId(), "pi_tampered", 2000);
        String signature = sign(payload, SECRET, Instant.now());
        HttpApi.Reply reply = deliver(payload.replace("2000", "1"), signature);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Invalid Stripe signature", message(reply));
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        String payload = succeeded(OrderCopies.newOrderId(), "pi_wrong_secret", 2000);
        HttpApi.Reply reply = deliver(payload, sign(payload, "whsec_not_ours", Instant.now()));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Invalid Stripe signature", message(reply));
    }

    @Test
    void aStaleTimestampIsRefused() {
        String payload = succeeded(OrderCopies.newOrderId(), "pi_stale", 2000);
        HttpApi.Reply reply =
                deliver(
                        payload,
                        sign(payload, SECRET, Instant.now().minus(Duration.ofMinutes(10))));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Invalid Stripe signature", message(reply));
    }

    @Test
    void aMissingOrMalformedSignatureIsRefused() {
        String payload = succeeded(OrderCopies.newOrderId(), "pi_unsigned", 2000);
        HttpApi.Reply none = deliver(payload, null);
        assertEquals(400, none.status(), none.body());
        assertEquals("Missing Stripe-Signature header", message(none));
        HttpApi.Reply garbage = deliver(payload, "nonsense");
        assertEquals(400, garbage.status(), garbage.body());
    }

    @Test
    void aSignedBodyThatIsNotAStripeEventIsRefused() {
        String payload = "this is not json";
        HttpApi.Reply reply = deliver(payload, sign(payload, SECRET, Instant.now()));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Not a Stripe event", message(reply));
    }

    @Test
    void aValidEventForAnUnknownOrderIsAcknowledgedAndIgnored() {
        String orderId = OrderCopies.newOrderId();
        String payload = succeeded(orderId, "pi_unknown_order", 2000);
        HttpApi.Reply reply = deliver(payload, sign(payload, SECRET, Instant.now()));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(true, reply.json().getBoolean("received"));
    }
}
