package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.ticketing.payment.domain.Cents;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServerCopy;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A copy of payment-service's server is halted at the worst moments of a payment (the JVM stops
 * right after a write, as a power cut would) or finds Stripe hanging longer than it waits; started
 * again, its reconciler finishes what was left: the charge is recorded exactly once (or refunded),
 * never lost, never made twice.
 */
class PaymentCrashIT {
    private static final Map<String, String> SETTINGS =
            Map.of(
                    "stripe.timeout",
                    "PT2S",
                    "payments.reconcile.every",
                    "PT1S",
                    // Longer than a payment request can take here (three tries of 2 s), so the
                    // reconciler never races the request it would finish.
                    "payments.reconcile.after",
                    "PT15S");
    private static FakeStripe stripe;
    private static MongoClient mongo;
    private static CrashDrill drill;
    private static ServerCopy server;
    private static Bus bus;
    private final HttpApi http = new HttpApi();

    @BeforeAll
    static void start() {
        stripe = FakeStripe.shared();
        mongo = MongoClients.create(System.getProperty("it.store.url"));
        drill = CrashDrill.of("payment-crash", SETTINGS);
        server = drill.server();
        bus = drill.bus();
    }

    @AfterAll
    static void stop() throws Exception {
        drill.close();
        mongo.close();
    }

    private static MongoDatabase database() {
        return mongo.getDatabase(drill.database());
    }

    /**
     * An open order of {@code buyer} in the copy's database, as order.created would have made it.
     */
    private static String openOrder(Buyers.Buyer buyer, String price) {
        String orderId = OrderCopies.newOrderId();
        database()
                .getCollection("orders")
                .insertOne(
                        new Document("_id", orderId)
                                .append("version", 0L)
                                .append("status", "created")
                                .append("userId", buyer.id())
                                .append("priceCents", Cents.of(new BigDecimal(price)))
                                .append("ticketId", "t-" + orderId)
                                .append(
                                        "expiresAt",
                                        new Date(System.currentTimeMillis() + 600_000)));
        return orderId;
    }

    private HttpApi.Reply pay(Buyers.Buyer buyer, String orderId) {
        return http.send(
                HttpRequest.newBuilder(server.url("/api/payments"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"orderId\":\""
                                                + orderId
                                                + "\",\"token\":\"tok_visa\"}")),
                "Cookie",
                buyer.cookie());
    }

    private static Document payment(String orderId) {
        Document order =
                database().getCollection("orders").find(Filters.eq("_id", orderId)).first();
        return order == null ? null : order.get("payment", Document.class);
    }

    @Test
    void aCrashRightAfterStripeChargedIsFinishedOnceTheServerIsBack() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = openOrder(buyer, "27.50");
        server.stop();
        drill.startHaltingAfter("payment.charged");

        CompletableFuture.runAsync(
                () -> pay(buyer, orderId)); // its answer never comes: the JVM halts
        drill.awaitHalted("the charge");
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId), "Stripe charged before the halt");
        assertEquals(null, payment(orderId), "nothing recorded yet");
        assertEquals(
                "CHARGED",
                database()
                        .getCollection("attempts")
                        .find(Filters.eq("orderId", orderId))
                        .first()
                        .getString("state"));

        drill.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> payment(orderId) != null);
        assertEquals(
                stripe.paymentIntentsFor(orderId).get(0), payment(orderId).getString("stripeId"));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                bus.messages("payment.created").stream()
                                        .anyMatch(m -> m.json().contains(orderId)));
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId), "never charged twice");
        HttpApi.Reply again = pay(buyer, orderId);
        assertEquals(201, again.status(), again.body());
        assertEquals(payment(orderId).getString("id"), again.json().getString("id"));
    }

    @Test
    void aCrashBeforeStripeWasAskedChargesOnceWhenTheReconcilerAsks() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = openOrder(buyer, "9.00");
        server.stop();
        drill.startHaltingAfter("payment.attempt");

        CompletableFuture.runAsync(() -> pay(buyer, orderId));
        drill.awaitHalted("the payment attempt");
        assertEquals(
                0,
                stripe.paymentIntentsCreatedFor(orderId),
                "the halt came before Stripe was asked");

        drill.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> payment(orderId) != null);
        assertEquals(1, stripe.paymentIntentsCreatedFor(orderId));
    }

    @Test
    void stripeModeWithoutItsSecretsIsNeverReadyAndNeverSimulates() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = openOrder(buyer, "15.00");
        server.stop();
        server.start(
                Map.of(
                        "payments.mode",
                        "stripe",
                        "stripe.secret.key",
                        "",
                        "stripe.webhook.secret",
                        ""),
                false);

        HttpApi.Reply readiness = server.readiness();
        assertEquals(503, readiness.status(), readiness.body());
        jakarta.json.JsonObject check =
                readiness
                        .json()
                        .getJsonArray("checks")
                        .getValuesAs(jakarta.json.JsonObject.class)
                        .stream()
                        .filter(c -> "payment-service".equals(c.getString("name")))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                "DOWN",
                check.getJsonObject("data").getString("STRIPE_SECRET_KEY"),
                readiness.body());
        assertEquals(
                "DOWN",
                check.getJsonObject("data").getString("STRIPE_WEBHOOK_SECRET"),
                readiness.body());
        HttpApi.Reply refused = pay(buyer, orderId);
        assertEquals(
                503, refused.status(), "no simulated payment in Stripe mode: " + refused.body());
        assertEquals(
                0,
                database().getCollection("simulated_gateway").countDocuments(),
                "nothing simulated");
        server.stop();
    }

    @Test
    void aHangingStripeIsAskedAgainAndTheChargeItMadeIsRecordedOnce() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = openOrder(buyer, "61.00");
        server.stop();
        drill.restart();
        // Each try waits 2 s for an answer that takes 8 s: the buyer gets an error, Stripe charges
        // anyway.
        stripe.hangCharges(orderId, 8, 3);

        HttpApi.Reply reply = pay(buyer, orderId);
        assertEquals(503, reply.status(), reply.body());
        assertEquals(null, payment(orderId), "not recorded while Stripe hung");
        await().atMost(Duration.ofSeconds(90)).until(() -> payment(orderId) != null);
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(8))
                .until(() -> stripe.paymentIntentsCreatedFor(orderId) == 1);
        assertEquals(
                stripe.paymentIntentsFor(orderId).get(0), payment(orderId).getString("stripeId"));
    }
}
