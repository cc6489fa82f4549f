package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.ticketing.payment.domain.Cents;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.LostReplyProxy;
import dev.ticketing.testing.Sessions;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A payment the store recorded but whose answer was lost on the wire (test-support's {@link
 * LostReplyProxy} closes the connection after the store applied the write that records the charge
 * as the order's payment): the service reads the order back, finds its payment recorded and answers
 * it, and paying again answers the same payment. Stripe was asked once, payment.created goes out
 * once, the attempt ends recorded, and the reconciler adds nothing.
 */
class LostReplyIT {

    @Test
    void aPaymentRecordedWhoseAnswerWasLostIsAnsweredAndChargedOnce() {
        FakeStripe stripe = FakeStripe.shared();
        Sessions.User buyer = Sessions.signUp();
        try (MongoClient mongo = MongoClients.create(System.getProperty("it.store.url"));
                LostReplyProxy store =
                        LostReplyProxy.to(URI.create(System.getProperty("it.store.url")));
                CrashDrill drill =
                        CrashDrill.of(
                                "payment-lost-reply",
                                Map.of(
                                        "mongodb.url",
                                        store.url(),
                                        "payments.reconcile.every",
                                        "PT1S",
                                        // Longer than the test's two payments take: the
                                        // attempt is the requests' to finish, not the
                                        // reconciler's.
                                        "payments.reconcile.after",
                                        "PT15S"))) {
            MongoDatabase database = mongo.getDatabase(drill.database());
            String orderId = OrderCopies.newOrderId();
            database.getCollection("orders")
                    .insertOne(
                            new Document("_id", orderId)
                                    .append("version", 0L)
                                    .append("status", "created")
                                    .append("userId", buyer.id())
                                    .append("priceCents", Cents.of(new BigDecimal("31.25")))
                                    .append("ticketId", "t-" + orderId)
                                    .append(
                                            "expiresAt",
                                            new Date(System.currentTimeMillis() + 600_000)));
            drill.restart();
            drill.awaitAccepts(buyer, "/api/payouts");
            HttpApi http = new HttpApi();
            String body = "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_visa\"}";

            store.loseReplyToNext("findAndModify", "orders");
            HttpApi.Reply first =
                    http.post(drill.server().url("/api/payments"), body, buyer.auth());

            assertEquals(1, store.lost(), "the store's answer to recording the payment was lost");
            assertEquals(201, first.status(), first.body());
            Document recorded =
                    database.getCollection("orders")
                            .find(Filters.eq("_id", orderId))
                            .first()
                            .get("payment", Document.class);
            assertNotNull(recorded, "the store recorded the payment all the same");
            assertEquals(recorded.getString("id"), first.json().getString("id"));

            HttpApi.Reply again =
                    http.post(drill.server().url("/api/payments"), body, buyer.auth());
            assertEquals(201, again.status(), again.body());
            assertEquals(recorded.getString("id"), again.json().getString("id"));

            // The attempt is finished (recorded), so the reconciler, running every second, has
            // nothing to add.
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    "RECORDED"
                                            .equals(
                                                    database.getCollection("attempts")
                                                            .find(Filters.eq("orderId", orderId))
                                                            .first()
                                                            .getString("state")));
            assertEquals(1, stripe.paymentIntentsCreatedFor(orderId), "Stripe asked once");
            assertEquals(
                    recorded,
                    database.getCollection("orders")
                            .find(Filters.eq("_id", orderId))
                            .first()
                            .get("payment", Document.class),
                    "the payment recorded first is the order's payment");
            Bus bus = drill.bus();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    bus.messages("payment.created").stream()
                                            .anyMatch(m -> m.json().contains(orderId)));
            List<Bus.Stored> created =
                    bus.messages("payment.created").stream()
                            .filter(m -> m.json().contains(orderId))
                            .toList();
            assertEquals(1, created.size(), "payment.created once: " + created);
        }
    }
}
