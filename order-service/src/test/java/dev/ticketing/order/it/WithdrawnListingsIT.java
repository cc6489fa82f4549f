package dev.ticketing.order.it;

import static dev.ticketing.order.it.Market.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A listing its seller withdrew (docs/api.md, "Events and listings"), on order-service's side:
 * never orderable again, and an open order that raced the withdrawal is cancelled, however often
 * the withdrawal is delivered; a paid one keeps its ticket.
 */
class WithdrawnListingsIT {
    private static Sessions.User buyer;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        buyer = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    /** The catalog's ticket.updated for a withdrawal of the free listing {@code id}. */
    private static void withdraw(String id) {
        Document copy = Market.copy(id);
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        id,
                        ((Number) copy.get("version")).longValue() + 1,
                        copy.getString("title"),
                        new BigDecimal("20.00"),
                        copy.getString("userId"),
                        null,
                        TicketUpdated.WITHDRAWN));
    }

    private static boolean withdrawn(String id) {
        return Boolean.TRUE.equals(Market.copy(id).getBoolean("withdrawn"));
    }

    private static List<OrderCancelled> cancellationsOf(String orderId) {
        return bus.messages("order.cancelled").stream()
                .map(m -> Events.fromJson(m.json(), OrderCancelled.class).data())
                .filter(e -> e.id().equals(orderId))
                .toList();
    }

    @Test
    void aWithdrawnListingIsNeverOrderable() {
        String id = Market.listedTicket(bus, "Withdrawn", "20");
        withdraw(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> withdrawn(id));
        assertError(Market.order(buyer, id), 400, "The seller has withdrawn this ticket");
        assertNull(Market.copy(id).get("reservedBy"), "a refused order claims nothing");
    }

    @Test
    void anOpenOrderThatRacedTheWithdrawalIsCancelledOnceHoweverOftenItArrives() {
        String id = Market.listedTicket(bus, "Raced", "20");
        String order = Market.placed(buyer, id).getString("id");
        withdraw(id);
        withdraw(id); // redelivered (a fresh message id: the service sees it twice)

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Market.status(buyer, order).equals("cancelled"));
        await().atMost(Duration.ofSeconds(10)).until(() -> cancellationsOf(order).size() == 1);
        assertEquals(id, cancellationsOf(order).get(0).ticket().id());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Market.copy(id).get("reservedBy") == null);
        assertError(Market.order(buyer, id), 400, "The seller has withdrawn this ticket");
    }

    @Test
    void aPaidOrderKeepsItsTicketWhenTheWithdrawalComesTooLate() {
        String id = Market.listedTicket(bus, "Paid first", "20");
        String order = Market.placed(buyer, id).getString("id");
        Market.send(bus, "payment.created", new PaymentCreated(Market.newId(), order, "ch_w"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Market.status(buyer, order).equals("complete"));

        withdraw(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> withdrawn(id));
        // The cancellation would follow the copy's write in the same delivery: it stays complete.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Market.status(buyer, order).equals("complete"));
        assertEquals(order, Market.copy(id).getString("reservedBy"), "the sale keeps its claim");
        assertEquals(List.of(), cancellationsOf(order));
    }
}
