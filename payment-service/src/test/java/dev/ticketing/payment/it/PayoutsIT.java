package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.PayoutCancelled;
import dev.ticketing.common.events.PayoutCreated;
import dev.ticketing.common.events.PayoutReleased;
import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payouts per docs/api.md, "Delivery and payouts": every paid sale owes its seller the price less
 * the marketplace's 10 % fee, released once the event has started (plus the IT server's 1 s delay)
 * and the order is complete, transferred through Stripe Connect (the fake) exactly once, and never
 * for a refunded sale.
 */
class PayoutsIT {
    private static final URI PAYOUTS = ServiceUnderTest.url("/api/payouts");
    private static final URI ACCOUNT = ServiceUnderTest.url("/api/payouts/account");
    private static final String ACCOUNT_RULE =
            "AccountId must be a Stripe connected account id, such as acct_1Nv0FGQ9RKHgCVdK";
    private static FakeStripe stripe;
    private static Bus bus;
    private final HttpApi http = new HttpApi();

    @BeforeAll
    static void start() {
        stripe = FakeStripe.shared();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    /**
     * An order of {@code buyer} for a ticket {@code seller} listed for an event at {@code starts}.
     */
    private static String order(
            Buyers.Buyer buyer, Buyers.Buyer seller, String price, Instant starts) {
        String orderId = OrderCopies.newOrderId();
        EventBus.shared()
                .publish(
                        EventEnvelope.of(
                                new OrderCreated(
                                        orderId,
                                        0,
                                        "created",
                                        buyer.id(),
                                        Instant.now().plusSeconds(900),
                                        new OrderCreated.Ticket(
                                                "ticket-" + orderId,
                                                new BigDecimal(price),
                                                seller.id(),
                                                starts))));
        OrderCopies.awaitStatus(orderId, "created", 0);
        return orderId;
    }

    private void pay(Buyers.Buyer buyer, String orderId) {
        HttpApi.Reply paid =
                http.post(
                        ServiceUnderTest.url("/api/payments"),
                        "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_visa\"}",
                        "Cookie",
                        buyer.cookie());
        assertEquals(201, paid.status(), paid.body());
    }

    private JsonObject payouts(Buyers.Buyer user) {
        HttpApi.Reply reply = http.get(PAYOUTS, "Cookie", user.cookie());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject payoutOf(Buyers.Buyer seller, String orderId) {
        return payouts(seller).getJsonArray("payouts").stream()
                .map(JsonObject.class::cast)
                .filter(p -> p.getString("orderId").equals(orderId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no payout of " + orderId));
    }

    private void nameAccount(Buyers.Buyer seller, String account) {
        HttpApi.Reply reply =
                http.put(ACCOUNT, "{\"accountId\":\"" + account + "\"}", "Cookie", seller.cookie());
        assertEquals(204, reply.status(), reply.body());
    }

    private static <T extends EventPayload> List<T> events(
            String type, Class<T> payload, String orderId) {
        return bus.messages(type).stream()
                .map(m -> Events.fromJson(m.json(), payload).data())
                .filter(e -> orderId.equals(orderIdOf(e)))
                .toList();
    }

    private static String orderIdOf(EventPayload event) {
        if (event instanceof PayoutCreated c) {
            return c.orderId();
        }
        if (event instanceof PayoutReleased r) {
            return r.orderId();
        }
        return ((PayoutCancelled) event).orderId();
    }

    @Test
    void aPaidSaleOwesItsSellerThePriceLessTheFeeUntilTheEventHasStarted() {
        Buyers.Buyer seller = Buyers.signUp();
        Buyers.Buyer buyer = Buyers.signUp();
        Instant starts = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String orderId = order(buyer, seller, "80.50", starts);
        assertEquals(0, payouts(seller).getJsonArray("payouts").size(), "nothing before payment");

        pay(buyer, orderId);

        JsonObject all = payouts(seller);
        assertEquals(1, all.getJsonArray("payouts").size(), all.toString());
        JsonObject payout = all.getJsonArray("payouts").getJsonObject(0);
        assertEquals("ticket-" + orderId, payout.getString("ticketId"));
        assertEquals(orderId, payout.getString("orderId"));
        assertEquals("80.50", payout.getString("amount"));
        assertEquals("8.05", payout.getString("fee"));
        assertEquals("72.45", payout.getString("net"));
        assertEquals("pending", payout.getString("status"));
        assertEquals(starts.plusSeconds(1).toString(), payout.getString("releaseAt"));
        assertFalse(payout.containsKey("paidAt"), payout.toString());
        assertEquals("72.45", all.getString("pending"));
        assertEquals("0.00", all.getString("paid"));
        assertFalse(all.containsKey("account"), "no account named yet");
        List<PayoutCreated> created =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> events("payout.created", PayoutCreated.class, orderId),
                                l -> !l.isEmpty());
        assertEquals(
                List.of(
                        new PayoutCreated(
                                orderId,
                                "ticket-" + orderId,
                                seller.id(),
                                new BigDecimal("80.50"),
                                new BigDecimal("8.05"),
                                new BigDecimal("72.45"),
                                starts.plusSeconds(1))),
                created,
                "payout.created once, with the payment");

        JsonObject buyers = payouts(buyer);
        assertEquals(0, buyers.getJsonArray("payouts").size(), "the buyer is owed nothing");
        assertEquals("0.00", buyers.getString("pending"));
        HttpApi.Reply anonymous = http.get(PAYOUTS);
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("{\"errors\":[{\"message\":\"Not authorized\"}]}", anonymous.body().strip());
    }

    @Test
    void aPayoutIsTransferredOnceWhenDueCompleteAndTheSellerHasAnAccount() throws Exception {
        Buyers.Buyer seller = Buyers.signUp();
        Buyers.Buyer buyer = Buyers.signUp();
        // The event has started: the payout is due as soon as the sale is complete.
        String orderId = order(buyer, seller, "19.99", Instant.now().minusSeconds(3600));
        pay(buyer, orderId);

        // Paid, but order-service has not completed the order yet: a payout waits for that.
        Thread.sleep(3000); // three release rounds
        assertEquals("pending", payoutOf(seller, orderId).getString("status"));
        EventBus.shared().publish(OrderCopies.completed(orderId, 1));
        OrderCopies.awaitStatus(orderId, "complete", 1);

        // Complete and due, but with Stripe a seller is paid only to a connected account.
        Thread.sleep(3000);
        assertEquals("pending", payoutOf(seller, orderId).getString("status"));
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "Stripe is not asked");

        nameAccount(seller, "acct_1PayoutsIT");
        await("the payout is transferred")
                .atMost(Duration.ofSeconds(30))
                .until(() -> payoutOf(seller, orderId).getString("status"), "paid"::equals);

        JsonObject all = payouts(seller);
        JsonObject payout = payoutOf(seller, orderId);
        assertEquals("19.99", payout.getString("amount"));
        assertEquals("2.00", payout.getString("fee"));
        assertEquals("17.99", payout.getString("net"));
        assertNotNull(payout.getString("paidAt"));
        assertEquals("17.99", all.getString("paid"));
        assertEquals("0.00", all.getString("pending"));
        assertEquals("acct_1PayoutsIT", all.getString("account"));

        List<String> transfers = stripe.transfersMadeFor(orderId);
        assertEquals(1, transfers.size(), stripe.describe().toString());
        FakeStripe.Request sent = stripe.transferRequestsFor(orderId).get(0);
        assertEquals("1799", sent.form().get("amount"));
        assertEquals("acct_1PayoutsIT", sent.form().get("destination"));
        assertEquals(IdempotencyKeys.payout(orderId), sent.header("Idempotency-Key"));

        List<PayoutReleased> released =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> events("payout.released", PayoutReleased.class, orderId),
                                l -> !l.isEmpty());
        assertEquals(1, released.size(), released.toString());
        assertEquals(
                new PayoutReleased(
                        orderId,
                        "ticket-" + orderId,
                        seller.id(),
                        new BigDecimal("19.99"),
                        new BigDecimal("2.00"),
                        new BigDecimal("17.99"),
                        "usd",
                        transfers.get(0).replaceAll(".*\"id\":\"(tr_fake_\\d+)\".*", "$1")),
                released.get(0));

        // The order's completion again (a redelivery): nothing moves twice.
        EventBus.shared().publish(OrderCopies.completed(orderId, 1));
        Thread.sleep(3000);
        assertEquals(1, stripe.transfersMadeFor(orderId).size());
        assertEquals(1, events("payout.released", PayoutReleased.class, orderId).size());
    }

    /**
     * Payouts that fail round after round are the oldest due, so they come first in every round:
     * here three sellers without a connected account fill more than a page of the IT server's
     * rounds (two payouts a page). The seller behind them, who named an account, is still paid.
     */
    @Test
    void payoutsThatKeepFailingNeverHoldBackTheOnesBehindThem() {
        Instant longAgo = Instant.now().minus(3, ChronoUnit.HOURS);
        for (int i = 0; i < 3; i++) {
            Buyers.Buyer buyer = Buyers.signUp();
            String stuck = order(buyer, Buyers.signUp(), "12.00", longAgo.plusSeconds(i));
            pay(buyer, stuck);
            EventBus.shared().publish(OrderCopies.completed(stuck, 1));
            OrderCopies.awaitStatus(stuck, "complete", 1);
        }
        Buyers.Buyer seller = Buyers.signUp();
        nameAccount(seller, "acct_1BehindThem");
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = order(buyer, seller, "30.00", Instant.now().minusSeconds(3600));
        pay(buyer, orderId);
        EventBus.shared().publish(OrderCopies.completed(orderId, 1));
        OrderCopies.awaitStatus(orderId, "complete", 1);

        await("the payout behind three that keep failing is transferred")
                .atMost(Duration.ofSeconds(30))
                .until(() -> payoutOf(seller, orderId).getString("status"), "paid"::equals);
        assertEquals(1, stripe.transfersMadeFor(orderId).size(), stripe.describe().toString());
        assertEquals("27.00", payouts(seller).getString("paid"));
    }

    @Test
    void aRefundedSaleNeverPaysOut() throws Exception {
        Buyers.Buyer seller = Buyers.signUp();
        Buyers.Buyer buyer = Buyers.signUp();
        nameAccount(seller, "acct_1Refunded");
        String orderId = order(buyer, seller, "30.00", Instant.now().minusSeconds(60));
        pay(buyer, orderId);
        // order-service expired the order before the payment reached it: the buyer is refunded.
        EventBus.shared().publish(OrderCopies.cancelled(orderId, 1));

        await("the payout is cancelled")
                .atMost(Duration.ofSeconds(30))
                .until(() -> payoutOf(seller, orderId).getString("status"), "cancelled"::equals);
        String intent = stripe.paymentIntentsFor(orderId).get(0);
        await("the buyer is refunded")
                .atMost(Duration.ofSeconds(30))
                .until(() -> stripe.refundsMadeOf(intent) == 1);
        List<PayoutCancelled> cancelled =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> events("payout.cancelled", PayoutCancelled.class, orderId),
                                l -> !l.isEmpty());
        assertEquals(
                List.of(new PayoutCancelled(orderId, "ticket-" + orderId, seller.id())), cancelled);

        EventBus.shared().publish(OrderCopies.cancelled(orderId, 1)); // redelivered
        Thread.sleep(3000); // past its release, three rounds
        JsonObject all = payouts(seller);
        assertEquals("cancelled", payoutOf(seller, orderId).getString("status"));
        assertEquals("0.00", all.getString("pending"));
        assertEquals("0.00", all.getString("paid"));
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "never transferred");
        assertEquals(1, events("payout.cancelled", PayoutCancelled.class, orderId).size());
        assertEquals(1, stripe.refundsMadeOf(intent));
    }

    @Test
    void anyoneCanReadTheTermsSellersArePaidOn() {
        HttpApi.Reply terms = http.get(ServiceUnderTest.url("/api/payouts/terms"));
        assertEquals(200, terms.status(), terms.body());
        assertEquals("{\"feePercent\":\"10\",\"releaseDelay\":\"PT1S\"}", terms.body().strip());
        HttpApi.Reply ofAPrice = http.get(ServiceUnderTest.url("/api/payouts/terms?price=80.5"));
        assertEquals(200, ofAPrice.status(), ofAPrice.body());
        assertEquals(
                "{\"feePercent\":\"10\",\"releaseDelay\":\"PT1S\",\"price\":\"80.50\","
                        + "\"fee\":\"8.05\",\"net\":\"72.45\"}",
                ofAPrice.body().strip());
        for (String bad : List.of("0", "-3", "1.234", "ten", "1e9999")) {
            HttpApi.Reply refused =
                    http.get(ServiceUnderTest.url("/api/payouts/terms?price=" + bad));
            assertEquals(400, refused.status(), bad + ": " + refused.body());
            assertEquals(
                    "{\"errors\":[{\"message\":\"Price must be a number above 0 with at most 2"
                            + " decimal places\",\"field\":\"price\"}]}",
                    refused.body().strip(),
                    bad);
        }
    }

    @Test
    void aSellerNamesAConnectedAccountOrGetsTheReason() {
        Buyers.Buyer seller = Buyers.signUp();
        for (String[] bad :
                new String[][] {
                    {"{\"accountId\":\"\"}", "AccountId must be provided"},
                    {"{\"accountId\":\"acct_1 OR 1=1\"}", ACCOUNT_RULE},
                    {"{\"accountId\":\"ba_123\"}", ACCOUNT_RULE},
                    {"{}", "AccountId must be provided"}
                }) {
            HttpApi.Reply reply = http.put(ACCOUNT, bad[0], "Cookie", seller.cookie());
            assertEquals(400, reply.status(), bad[0] + " → " + reply.body());
            assertEquals(
                    List.of("accountId: " + bad[1]),
                    reply.json().getJsonArray("errors").stream()
                            .map(JsonObject.class::cast)
                            .map(e -> e.getString("field") + ": " + e.getString("message"))
                            .toList(),
                    bad[0]);
        }
        HttpApi.Reply noBody = http.put(ACCOUNT, "", "Cookie", seller.cookie());
        assertEquals(400, noBody.status(), noBody.body());
        HttpApi.Reply anonymous = http.put(ACCOUNT, "{\"accountId\":\"acct_1X\"}");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(payouts(seller).getJsonArray("payouts").isEmpty());

        nameAccount(seller, "acct_1First");
        nameAccount(seller, "acct_2Second");
        assertEquals("acct_2Second", payouts(seller).getString("account"), "the last one named");
    }
}
