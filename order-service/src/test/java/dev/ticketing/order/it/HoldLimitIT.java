package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No hoarding (docs/api.md, "Hardening"): one buyer holds at most 4 tickets at once (the default of
 * order.max.open.per.buyer), however many orders arrive at the same moment, and cancelling then
 * re-ordering does not renew a hold. Before this rule one buyer held 30 tickets in half a second.
 */
class HoldLimitIT {
    private static final String FULL = "You already hold 4 tickets; pay for or cancel one first";
    private static Bus bus;

    @BeforeAll
    static void connect() {
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    @Test
    void theFifthOpenOrderIsRefusedUntilOneIsCancelledPaidOrExpired() {
        Sessions.User buyer = Sessions.signUp();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(
                    Market.placed(buyer, Market.listedTicket(bus, "show " + i, "20"))
                            .getString("id"));
        }
        String fifth = Market.listedTicket(bus, "fifth", "20");
        Market.assertError(Market.order(buyer, fifth), 400, FULL);
        assertEquals(
                0,
                Market.collection("orders").countDocuments(Filters.eq("ticket.id", fifth)),
                "nothing stored");
        assertEquals(
                null,
                Market.copy(fifth).getString("reservedBy"),
                "the refused order left no claim");
        Market.placed(Sessions.signUp(), fifth); // the ticket is still on the market for others

        assertEquals(204, Market.cancel(buyer, held.get(0)).status());
        String sixth = Market.listedTicket(bus, "sixth", "20");
        Market.placed(buyer, sixth);
        Market.assertError(
                Market.order(buyer, Market.listedTicket(bus, "seventh", "20")), 400, FULL);

        // A paid order is bought, not held: its slot is free again.
        Market.send(
                bus,
                "payment.created",
                new PaymentCreated(Market.newId(), held.get(1), "pi_" + Market.newId()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "complete".equals(Market.status(buyer, held.get(1))));
        Market.placed(buyer, Market.listedTicket(bus, "eighth", "20"));
    }

    @Test
    void twentyConcurrentOrdersOfOneBuyerHoldExactlyFour() throws Exception {
        Sessions.User buyer = Sessions.signUp();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickets.add(Market.listedTicket(bus, "rush " + i, "35"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpApi.Reply>> replies = new ArrayList<>();
        for (String ticketId : tickets) {
            replies.add(
                    pool.submit(
                            () -> {
                                go.await();
                                return Market.order(buyer, ticketId);
                            }));
        }
        go.countDown();
        int created = 0;
        for (Future<HttpApi.Reply> f : replies) {
            HttpApi.Reply reply = f.get();
            if (reply.status() == 201) {
                created++;
            } else {
                Market.assertError(reply, 400, FULL);
            }
        }
        pool.shutdown();
        assertEquals(4, created);
        assertEquals(
                4,
                Market.collection("orders")
                        .countDocuments(
                                Filters.and(
                                        Filters.eq("userId", buyer.id()),
                                        Filters.eq("status", "created"))));
        long claimed =
                tickets.stream()
                        .filter(t -> Market.copy(t).getString("reservedBy") != null)
                        .count();
        assertEquals(4, claimed, "every refused order released its claim");
    }

    @Test
    void cancellingAndReorderingDoesNotRenewTheHold() {
        Sessions.User buyer = Sessions.signUp();
        String ticketId = Market.listedTicket(bus, "kept off the market", "80");
        String orderId = Market.placed(buyer, ticketId).getString("id");
        assertEquals(204, Market.cancel(buyer, orderId).status());

        HttpApi.Reply again = Market.order(buyer, ticketId);
        assertEquals(400, again.status(), again.body());
        String message = again.json().getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(
                message.startsWith("You let this ticket go; you can order it again after "),
                message);

        // Anyone else may have it at once: letting go put it back on the market.
        Market.placed(Sessions.signUp(), ticketId);
    }
}
