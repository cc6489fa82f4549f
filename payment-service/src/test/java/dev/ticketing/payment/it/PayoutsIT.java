package dev.ticketing.payment.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
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
import dev.ticketing.payment.api.PaymentRequest;
import dev.ticketing.payment.api.PaymentsApi;
import dev.ticketing.payment.api.PayoutAccountRequest;
import dev.ticketing.payment.api.PayoutTermsResponse;
import dev.ticketing.payment.api.PayoutsApi;
import dev.ticketing.payment.api.PayoutsResponse;
import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.ApiClients.Refusal;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Payouts per docs/api.md, "Delivery and payouts": every paid sale owes its seller the price less
 * the marketplace's 10 % fee, released once the event has started (plus the IT server's 1 s delay)
 * and the order is complete, transferred through Stripe Connect (the fake) exactly once, and never
 * for a refunded sale. The routes are called through typed clients of {@link PayoutsApi} and {@link
 * PaymentsApi} (MicroShed Testing against the server the build started); the wire form is read
 * once, where the contract says a field is absent.
 */
@MicroShedTest
public class PayoutsIT {
    private static final String ACCOUNT_RULE =
            "AccountId must be a Stripe connected account id, such as acct_1Nv0FGQ9RKHgCVdK";
    private static FakeStripe stripe;
    private static Bus bus;

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

    private static PayoutsApi payoutsOf(Buyers.Buyer user) {
        return ApiClients.withHeaders(PayoutsApi.class, "Cookie", user.cookie());
    }

    private static void pay(Buyers.Buyer buyer, String orderId) {
        try (Response paid =
                ApiClients.withHeaders(PaymentsApi.class, "Cookie", buyer.cookie())
                        .pay(new PaymentRequest(orderId, "tok_visa"))) {
            assertEquals(201, paid.getStatus());
        }
    }

    private static PayoutsResponse payouts(Buyers.Buyer user) {
        return payoutsOf(user).mine();
    }

    private static PayoutsResponse.Item payoutOf(Buyers.Buyer seller, String orderId) {
        return payouts(seller).payouts().stream()
                .filter(p -> p.orderId().equals(orderId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no payout of " + orderId));
    }

    private static void nameAccount(Buyers.Buyer seller, String account) {
        try (Response named = payoutsOf(seller).setAccount(new PayoutAccountRequest(account))) {
            assertEquals(204, named.getStatus());
        }
    }

    private static void assertRefused(Refusal refusal, int status, JsonObject body) {
        assertEquals(status, refusal.status(), refusal.toString());
        assertTrue(refusal.contentType().startsWith("application/json"), refusal.toString());
        assertEquals(body, refusal.body());
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
        assertEquals(List.of(), payouts(seller).payouts(), "nothing before payment");

        pay(buyer, orderId);

        assertEquals(
                new PayoutsResponse(
                        List.of(
                                new PayoutsResponse.Item(
                                        "ticket-" + orderId,
                                        orderId,
                                        "80.50",
                                        "8.05",
                                        "72.45",
                                        "pending",
                                        starts.plusSeconds(1),
                                        null)),
                        "72.45",
                        "0.00",
                        null),
                payouts(seller));
        // As the wire carries it: no paidAt until paid, no account until one is named.
        HttpApi.Reply wire =
                new HttpApi().get(ServiceUnderTest.url("/api/payouts"), "Cookie", seller.cookie());
        assertEquals(200, wire.status(), wire.body());
        assertFalse(
                wire.json().getJsonArray("payouts").getJsonObject(0).containsKey("paidAt"),
                wire.body());
        assertFalse(wire.json().containsKey("account"), wire.body());
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

        assertEquals(
                new PayoutsResponse(List.of(), "0.00", "0.00", null),
                payouts(buyer),
                "the buyer is owed nothing");
        assertRefused(
                refusal(() -> ApiClients.anonymous(PayoutsApi.class).mine()),
                401,
                error("Not authorized"));
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
        assertEquals("pending", payoutOf(seller, orderId).status());
        EventBus.shared().publish(OrderCopies.completed(orderId, 1));
        OrderCopies.awaitStatus(orderId, "complete", 1);

        // Complete and due, but with Stripe a seller is paid only to a connected account.
        Thread.sleep(3000);
        assertEquals("pending", payoutOf(seller, orderId).status());
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "Stripe is not asked");

        nameAccount(seller, "acct_1PayoutsIT");
        await("the payout is transferred")
                .atMost(Duration.ofSeconds(30))
                .until(() -> payoutOf(seller, orderId).status(), "paid"::equals);

        PayoutsResponse all = payouts(seller);
        PayoutsResponse.Item payout = payoutOf(seller, orderId);
        assertEquals("19.99", payout.amount());
        assertEquals("2.00", payout.fee());
        assertEquals("17.99", payout.net());
        assertNotNull(payout.paidAt());
        assertEquals("17.99", all.paid());
        assertEquals("0.00", all.pending());
        assertEquals("acct_1PayoutsIT", all.account());

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
                .until(() -> payoutOf(seller, orderId).status(), "paid"::equals);
        assertEquals(1, stripe.transfersMadeFor(orderId).size(), stripe.describe().toString());
        assertEquals("27.00", payouts(seller).paid());
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
                .until(() -> payoutOf(seller, orderId).status(), "cancelled"::equals);
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
        PayoutsResponse all = payouts(seller);
        assertEquals("cancelled", payoutOf(seller, orderId).status());
        assertEquals("0.00", all.pending());
        assertEquals("0.00", all.paid());
        assertEquals(List.of(), stripe.transferRequestsFor(orderId), "never transferred");
        assertEquals(1, events("payout.cancelled", PayoutCancelled.class, orderId).size());
        assertEquals(1, stripe.refundsMadeOf(intent));
    }

    @Test
    void anyoneCanReadTheTermsSellersArePaidOn() {
        PayoutsApi anyone = ApiClients.anonymous(PayoutsApi.class);
        assertEquals(new PayoutTermsResponse("10", "PT1S", null, null, null), anyone.terms(null));
        assertEquals(
                new PayoutTermsResponse("10", "PT1S", "80.50", "8.05", "72.45"),
                anyone.terms("80.5"));
        for (String bad : List.of("0", "-3", "1.234", "ten", "1e9999")) {
            assertRefused(
                    refusal(() -> anyone.terms(bad)),
                    400,
                    error("Price must be a number above 0 with at most 2 decimal places", "price"));
        }
    }

    @Test
    void aSellerNamesAConnectedAccountOrGetsTheReason() {
        Buyers.Buyer seller = Buyers.signUp();
        for (String[] bad :
                new String[][] {
                    {"", "AccountId must be provided"},
                    {"acct_1 OR 1=1", ACCOUNT_RULE},
                    {"ba_123", ACCOUNT_RULE},
                    {null, "AccountId must be provided"}
                }) {
            assertRefused(
                    refusal(() -> payoutsOf(seller).setAccount(new PayoutAccountRequest(bad[0]))),
                    400,
                    error(bad[1], "accountId"));
        }
        // Bodies no typed client sends, raw: none at all, and a JSON null.
        HttpApi http = new HttpApi();
        URI account = ServiceUnderTest.url("/api/payouts/account");
        HttpApi.Reply noBody = http.put(account, "", "Cookie", seller.cookie());
        assertEquals(400, noBody.status(), noBody.body());
        HttpApi.Reply nullBody = http.put(account, "null", "Cookie", seller.cookie());
        assertEquals(400, nullBody.status(), nullBody.body());
        assertEquals(error(PayoutsApi.BODY_REQUIRED), nullBody.json(), nullBody.body());
        assertRefused(
                refusal(
                        () ->
                                ApiClients.anonymous(PayoutsApi.class)
                                        .setAccount(new PayoutAccountRequest("acct_1X"))),
                401,
                error("Not authorized"));
        assertEquals(List.of(), payouts(seller).payouts());

        nameAccount(seller, "acct_1First");
        nameAccount(seller, "acct_2Second");
        assertEquals("acct_2Second", payouts(seller).account(), "the last one named");
    }
}
