package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.PayoutCancelled;
import dev.ticketing.common.events.PayoutReleased;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.ServerCopy;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A copy of payment-service's server is halted at the worst moments of a payout (right after it
 * claimed the payout, right after Stripe transferred the money) while the payout's release time
 * passes; started again, it pays the seller exactly once: one transfer at Stripe (the same
 * idempotency key answers the same transfer), one payout.released. Halted right after it cancelled
 * a refunded sale's payout, it refunds the buyer once and never pays the seller.
 */
class PayoutCrashIT {
    private static final Map<String, String> SETTINGS = Map.of("payouts.release.every", "PT1S");
    private static FakeStripe stripe;
    private static MongoClient mongo;
    private static CrashDrill drill;
    private static ServerCopy server;
    private static Bus bus;

    @BeforeAll
    static void start() {
        stripe = FakeStripe.shared();
        mongo = MongoClients.create(System.getProperty("it.store.url"));
        drill = CrashDrill.of("payout-crash", SETTINGS);
        server = drill.server();
        bus = drill.bus();
    }

    @AfterAll
    static void stop() throws Exception {
        drill.close();
        mongo.getDatabase(drill.database()).drop();
        mongo.close();
    }

    private static MongoCollection<Document> orders() {
        return mongo.getDatabase(drill.database()).getCollection("orders");
    }

    /**
     * A complete, paid sale whose payout of 45.00 (fee 4.50) to a seller with a connected account
     * fell due a minute ago, as payment-service would have stored it.
     */
    private static String duePayout() {
        return payoutReleasedAt(Instant.now().minusSeconds(60));
    }

    /** The same sale, its payout released at {@code releaseAt}. */
    private static String payoutReleasedAt(Instant releaseAt) {
        String orderId = OrderCopies.newOrderId();
        storeSale(orderId, "complete", 1L, "pi_crash_" + orderId, releaseAt);
        return orderId;
    }

    /**
     * A paid sale of 45.00 as payment-service stores it: the order copy at {@code status} and
     * {@code version}, paid with {@code paymentIntent}, its payout pending until {@code releaseAt}.
     */
    private static void storeSale(
            String orderId, String status, long version, String paymentIntent, Instant releaseAt) {
        String seller = "seller-" + orderId;
        Date now = new Date();
        Date due = Date.from(releaseAt);
        orders().insertOne(
                        new Document("_id", orderId)
                                .append("version", version)
                                .append("status", status)
                                .append("userId", "buyer-" + orderId)
                                .append("priceCents", 4500L)
                                .append("ticketId", "t-" + orderId)
                                .append("sellerId", seller)
                                .append("eventStartsAt", due)
                                .append(
                                        "payment",
                                        new Document("id", "p-" + orderId)
                                                .append("orderId", orderId)
                                                .append("stripeId", paymentIntent)
                                                .append("amountCents", 4500L)
                                                .append("currency", "usd")
                                                .append("createdAt", now))
                                .append(
                                        "payout",
                                        new Document("orderId", orderId)
                                                .append("ticketId", "t-" + orderId)
                                                .append("sellerId", seller)
                                                .append("amountCents", 4500L)
                                                .append("feeCents", 450L)
                                                .append("status", "pending")
                                                .append("releaseAt", due)
                                                .append("createdAt", now)));
        mongo.getDatabase(drill.database())
                .getCollection("payoutAccounts")
                .insertOne(new Document("_id", seller).append("stripeAccount", "acct_1Crash"));
    }

    /** A charge of 45.00 the fake Stripe really made for {@code orderId}: its PaymentIntent. */
    private static String chargedAtStripe(String orderId) throws Exception {
        HttpRequest charge =
                HttpRequest.newBuilder(URI.create(stripe.apiBase() + "/v1/payment_intents"))
                        .header("Authorization", "Bearer sk_test_crash")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "amount=4500&currency=usd&confirm=true"
                                                + "&payment_method=pm_card_visa"
                                                + "&metadata%5BorderId%5D="
                                                + orderId))
                        .build();
        HttpResponse<String> answer =
                HttpClient.newHttpClient().send(charge, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().replaceAll(".*\"id\":\"(pi_fake_\\d+)\".*", "$1");
    }

    private static Document payout(String orderId) {
        return orders().find(Filters.eq("_id", orderId)).first().get("payout", Document.class);
    }

    private static List<PayoutCancelled> cancelled(String orderId) {
        return bus.messages("payout.cancelled").stream()
                .map(m -> Events.fromJson(m.json(), PayoutCancelled.class).data())
                .filter(e -> e.orderId().equals(orderId))
                .toList();
    }

    private static List<PayoutReleased> released(String orderId) {
        return bus.messages("payout.released").stream()
                .map(m -> Events.fromJson(m.json(), PayoutReleased.class).data())
                .filter(e -> e.orderId().equals(orderId))
                .toList();
    }

    /**
     * Stores a due payout while the copy is down, starts it halting after {@code faultPoint} and
     * waits for the halt; the payout's order id. The release sweep runs as the application starts,
     * before the server is ready, so the start is not waited for: the payout left {@code
     * transferring} in the store by a server that is gone is the halt.
     */
    private String haltAt(String faultPoint) {
        server.stop();
        String orderId = duePayout();
        startAndAwaitHalt(faultPoint, orderId, "transferring");
        return orderId;
    }

    /**
     * Starts the stopped copy halting after {@code faultPoint} and waits until it is gone with the
     * payout of {@code orderId} at {@code status}, the write before the halt. The start itself is
     * not waited for: it may halt before it is ready.
     */
    private void startAndAwaitHalt(String faultPoint, String orderId, String status) {
        CompletableFuture<Void> starting =
                CompletableFuture.runAsync(() -> drill.startHaltingAfter(faultPoint));
        await("the server halts at " + faultPoint)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () ->
                                status.equals(payout(orderId).getString("status"))
                                        && !server.isRunning());
        starting.cancel(true); // its wait for readiness would never end
    }

    private void assertPaidOnce(String orderId) {
        drill.restart();
        await("the payout is paid after the restart")
                .atMost(Duration.ofSeconds(60))
                .until(() -> "paid".equals(payout(orderId).getString("status")));
        List<String> transfers = stripe.transfersMadeFor(orderId);
        assertEquals(1, transfers.size(), "one transfer at Stripe: " + stripe.describe());
        String transferId = transfers.get(0).replaceAll(".*\"id\":\"(tr_fake_\\d+)\".*", "$1");
        assertEquals(transferId, payout(orderId).getString("transferId"));
        assertTrue(
                stripe.transferRequestsFor(orderId).stream()
                        .allMatch(
                                r ->
                                        ("ticketing-payout-" + orderId)
                                                .equals(r.header("Idempotency-Key"))),
                "every request with the payout's key");
        List<PayoutReleased> events =
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> released(orderId), l -> !l.isEmpty());
        assertEquals(
                List.of(
                        new PayoutReleased(
                                orderId,
                                "t-" + orderId,
                                "seller-" + orderId,
                                new BigDecimal("45.00"),
                                new BigDecimal("4.50"),
                                new BigDecimal("40.50"),
                                "usd",
                                transferId)),
                events,
                "payout.released exactly once");
    }

    @Test
    void aCrashRightAfterStripeTransferredPaysTheSellerOnce() {
        String orderId = haltAt("payout.transfer");
        assertEquals(
                1, stripe.transfersMadeFor(orderId).size(), "Stripe transferred before the halt");
        assertEquals("transferring", payout(orderId).getString("status"), "not recorded yet");
        assertEquals(List.of(), released(orderId));

        assertPaidOnce(orderId);
        assertEquals(
                2,
                stripe.transferLookupsFor(orderId).size(),
                "the order's transfers looked up before the transfer and again after the restart");
        assertEquals(
                1,
                stripe.transferRequestsFor(orderId).size(),
                "after the restart the transfer was found in the order's group, not made again");
    }

    @Test
    void aPayoutIsNotPaidBeforeItsTimeAndIsPaidWhenItFellDueWhileTheServerWasDown() {
        if (!server.isRunning()) {
            drill.restart();
        }
        Instant releaseAt = Instant.now().plusSeconds(8);
        String orderId = payoutReleasedAt(releaseAt);
        await("still pending while the release sweeps run")
                .during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(7))
                .until(() -> "pending".equals(payout(orderId).getString("status")));
        server.stop();
        await("its release time passes while the server is down")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(releaseAt.plusSeconds(1)));
        assertEquals("pending", payout(orderId).getString("status"));
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "never asked before its time");

        assertPaidOnce(orderId);
        assertTrue(
                !payout(orderId).getDate("paidAt").toInstant().isBefore(releaseAt),
                "paid at " + payout(orderId).getDate("paidAt") + ", due " + releaseAt);
    }

    @Test
    void aCrashRightAfterTheClaimTransfersOnceTheServerIsBack() {
        String orderId = haltAt("payout.claim");
        assertEquals("transferring", payout(orderId).getString("status"));
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "the halt came before Stripe");

        assertPaidOnce(orderId);
    }

    @Test
    void aCrashRightAfterARefundedSalesPayoutWasCancelledRefundsOnceAndNeverPays()
            throws Exception {
        server.stop();
        String orderId = OrderCopies.newOrderId();
        String intent = chargedAtStripe(orderId);
        // Paid, its payout pending for an hour yet, and order-service has not completed it.
        storeSale(orderId, "created", 0L, intent, Instant.now().plusSeconds(3600));
        // order-service expired the order before it saw the payment: the sale is refunded. The
        // event waits in the stream for the service's durable consumer.
        EventEnvelope<OrderCancelled> expired = OrderCopies.cancelled(orderId, 1);
        bus.publish("order.cancelled", Events.toJson(expired), expired.id());
        startAndAwaitHalt("payout.cancel", orderId, "cancelled");
        assertEquals(0, stripe.refundsMadeOf(intent), "the halt came before the refund");
        assertEquals(List.of(), cancelled(orderId), "the halt came before the relay");

        drill.restart();
        // order.cancelled was never acknowledged: it comes again after ack-wait (30 s).
        await("the buyer is refunded once the server is back")
                .atMost(Duration.ofSeconds(90))
                .until(() -> stripe.refundsMadeOf(intent) == 1);
        List<PayoutCancelled> events =
                await("payout.cancelled from the outbox")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> cancelled(orderId), l -> !l.isEmpty());
        assertEquals(
                List.of(new PayoutCancelled(orderId, "t-" + orderId, "seller-" + orderId)),
                events,
                "payout.cancelled exactly once");
        Thread.sleep(3000); // three release rounds (payouts.release.every=PT1S)
        assertEquals("cancelled", payout(orderId).getString("status"));
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "never transferred");
        assertEquals(1, stripe.refundsMadeOf(intent), "refunded once");
        assertEquals(1, cancelled(orderId).size(), "payout.cancelled once");
    }
}
