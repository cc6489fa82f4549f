package dev.ticketing.system.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ticketing.system.expiry.Marketplace;
import dev.ticketing.testing.HttpApi;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Paying on the platform with the simulated gateway (no STRIPE_SECRET_KEY): the order becomes
 * complete through payment.created; nothing is paid twice; a cancelled order cannot be paid.
 */
class PaymentIT {
    private final Marketplace market = new Marketplace();

    private static String message(HttpApi.Reply reply) {
        return reply.json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    @Test
    void aBuyerPaysForAReservedTicketAndTheOrderShowsComplete() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String orderId =
                market.order(buyer, market.listTicket(seller, "Opera", "49.99")).getString("id");

        HttpApi.Reply paid = market.payWhenKnown(buyer, orderId, "pm_card_visa");
        assertEquals(201, paid.status(), paid.body());
        market.awaitStatus(buyer, orderId, "complete", Duration.ofSeconds(20));

        HttpApi.Reply again = market.pay(buyer, orderId, "tok_visa");
        assertEquals(400, again.status(), again.body());
        assertEquals("Order has already been paid for", message(again));
    }

    @Test
    void aDoubleSubmitPaysOnce() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String orderId =
                market.order(buyer, market.listTicket(seller, "Ballet", "15")).getString("id");
        // Wait until payment-service knows the order (a declined card charges nothing).
        assertEquals(402, market.payWhenKnown(buyer, orderId, "tok_chargeDeclined").status());

        List<HttpApi.Reply> replies =
                List.of(1, 2).stream()
                        .map(
                                i ->
                                        CompletableFuture.supplyAsync(
                                                () -> market.pay(buyer, orderId, "tok_visa")))
                        .toList()
                        .stream()
                        .map(CompletableFuture::join)
                        .toList();
        // Both submits are the same payment attempt (docs/api.md, "Payments"): both are told of the
        // one payment it made, and the gateway charged once.
        Set<Integer> statuses =
                replies.stream().map(HttpApi.Reply::status).collect(Collectors.toSet());
        assertEquals(Set.of(201), statuses, replies.toString());
        assertEquals(
                1,
                replies.stream().map(r -> r.json().getString("id")).distinct().count(),
                replies.toString());
        market.awaitStatus(buyer, orderId, "complete", Duration.ofSeconds(20));
        try (MongoClient store = MongoClients.create(System.getProperty("it.store.url"))) {
            assertEquals(
                    1,
                    store.getDatabase("payments")
                            .getCollection("simulated_gateway")
                            .countDocuments(
                                    Filters.and(
                                            Filters.eq("orderId", orderId),
                                            Filters.eq("kind", "charge"))),
                    "one charge in the simulated gateway's ledger");
        }
    }

    @Test
    void aDeclinedCardLeavesTheOrderOpen() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String orderId =
                market.order(buyer, market.listTicket(seller, "Jazz", "22.00")).getString("id");

        HttpApi.Reply declined = market.payWhenKnown(buyer, orderId, "tok_chargeDeclined");
        assertEquals(402, declined.status(), declined.body());
        assertEquals("Your card was declined.", message(declined));
        assertEquals("created", market.orderOf(buyer, orderId).getString("status"));
    }

    @Test
    void aCancelledOrderCannotBePaid() {
        Marketplace.User seller = market.signUp("seller");
        Marketplace.User buyer = market.signUp("buyer");
        String orderId =
                market.order(buyer, market.listTicket(seller, "Rock", "30.00")).getString("id");
        assertEquals(204, market.cancel(buyer, orderId).status());

        // payment-service learns order.created and order.cancelled on two channels, in either
        // order. Until it knows the cancel, a working card is charged, and then refunded by the
        // order.cancelled consumer (docs/architecture.md, "Payments"); a CI run once paid so. The
        // wait probes with a card that is declined, which moves no money.
        Marketplace.eventually(
                "payment-service learns the cancel",
                Duration.ofSeconds(20),
                () -> market.pay(buyer, orderId, "tok_chargeDeclined"),
                r -> r.status() == 400 && "Cannot pay for a cancelled order".equals(message(r)));

        HttpApi.Reply reply = market.pay(buyer, orderId, "tok_visa");
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Cannot pay for a cancelled order", message(reply));
        assertEquals("cancelled", market.orderOf(buyer, orderId).getString("status"));
    }
}
