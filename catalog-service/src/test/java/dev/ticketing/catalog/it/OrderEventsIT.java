package dev.ticketing.catalog.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reservations follow order events exactly once and in order, whatever the bus does: duplicates,
 * redeliveries, and events of one order overtaking those of another.
 */
class OrderEventsIT {
    private static Sessions.User seller;
    private static Bus bus;

    @BeforeAll
    static void setUp() {
        seller = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
    }

    @AfterAll
    static void close() {
        bus.close();
    }

    private static void send(String type, String json) {
        // A fresh Nats-Msg-Id each time: JetStream's de-duplication must not hide a redelivery from
        // the service.
        bus.publish(type, json, "it-" + UUID.randomUUID());
    }

    private static JsonObject settledAt(String id, int version) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Catalog.ticket(id).getInt("version") >= version);
        JsonObject ticket = Catalog.ticket(id);
        assertEquals(version, ticket.getInt("version"), ticket.toString());
        return ticket;
    }

    @Test
    void anOrderEventForATicketTheCatalogNeverHadIsDeadLetteredAtOnceWithItsReason() {
        String order = Catalog.newOrderId();
        String ghost = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(order, ghost));
        Bus.DeadLetter dead =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        bus.deadLetters("order.created").stream()
                                                .filter(d -> d.json().contains(order))
                                                .findFirst(),
                                java.util.Optional::isPresent)
                        .get();
        assertTrue(
                dead.reason().contains("ticket " + ghost + " is not in the catalog"),
                dead.reason());
        assertEquals("catalog-service-order-created", dead.consumer());
        assertEquals(
                "1", dead.delivered(), "dead-lettered on its first delivery, not after retries");
    }

    @Test
    void anUnreadableOrderEventIsDeadLetteredAtOnce() {
        String garbage = "{\"not\": \"an order event " + UUID.randomUUID() + "\"";
        send("order.cancelled", garbage);
        Bus.DeadLetter dead =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        bus.deadLetters("order.cancelled").stream()
                                                .filter(d -> d.json().equals(garbage))
                                                .findFirst(),
                                java.util.Optional::isPresent)
                        .get();
        assertTrue(
                dead.reason().startsWith("dev.ticketing.nats.PoisonMessage: unreadable"),
                dead.reason());
        assertEquals("1", dead.delivered());
    }

    @Test
    void orderCreatedReservesOnceHoweverOftenItIsDelivered() {
        String id = Catalog.listed(seller, "reserve once", "10").getString("id");
        String order = Catalog.newOrderId();
        String created = Catalog.orderCreated(order, id);
        send("order.created", created);
        send("order.created", created);
        send("order.created", created);
        assertEquals(order, settledAt(id, 1).getString("orderId"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertEquals(
                                        List.of(
                                                new TicketUpdated(
                                                        id,
                                                        1,
                                                        "reserve once",
                                                        new java.math.BigDecimal("10.00"),
                                                        seller.id(),
                                                        order,
                                                        "reserved")),
                                        updatesOf(id)));
    }

    @Test
    void aStaleCancellationDoesNotReleaseANewerHold() {
        String id = Catalog.listed(seller, "contested", "20").getString("id");
        String first = Catalog.newOrderId();
        String second = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(first, id));
        settledAt(id, 1);
        send("order.cancelled", Catalog.orderCancelled(first, 1, id));
        settledAt(id, 2);
        send("order.created", Catalog.orderCreated(second, id));
        assertEquals(second, settledAt(id, 3).getString("orderId"));

        // The first order's events again, as a redelivery or a slow replica would bring them; then
        // markers on other tickets behind them on each subject, to know both consumers got past
        // them.
        String markerTicket = Catalog.listed(seller, "marker", "1").getString("id");
        String marker = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(marker, markerTicket));
        settledAt(markerTicket, 1);
        send("order.cancelled", Catalog.orderCancelled(first, 1, id));
        send("order.created", Catalog.orderCreated(first, id));
        send("order.cancelled", Catalog.orderCancelled(marker, 1, markerTicket));
        String laterTicket = Catalog.listed(seller, "marker 2", "1").getString("id");
        send("order.created", Catalog.orderCreated(Catalog.newOrderId(), laterTicket));
        settledAt(markerTicket, 2);
        settledAt(laterTicket, 1);

        JsonObject ticket = Catalog.ticket(id);
        assertEquals(second, ticket.getString("orderId"), ticket.toString());
        assertEquals(3, ticket.getInt("version"));
    }

    @Test
    void aCancellationThatOvertakesItsOrderKeepsThatOrderFromEverHoldingTheTicket() {
        String id = Catalog.listed(seller, "overtaken", "15").getString("id");
        String order = Catalog.newOrderId();
        send("order.cancelled", Catalog.orderCancelled(order, 1, id));
        // The two subjects have separate consumers: wait until the cancellation was taken in (it
        // changes no visible field, only the ticket's memory of order events) before its
        // order.created.
        try (MongoClient mongo = MongoClients.create(System.getProperty("it.store.url"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    mongo.getDatabase("catalog")
                                                    .getCollection("tickets")
                                                    .find(
                                                            Filters.and(
                                                                    Filters.eq("_id", id),
                                                                    Filters.exists(
                                                                            "orderEvents."
                                                                                    + order)))
                                                    .first()
                                            != null);
        }
        send("order.created", Catalog.orderCreated(order, id));
        // The next order can only get it if the dead one never held it (nothing would release it).
        String next = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(next, id));
        assertEquals(next, settledAt(id, 1).getString("orderId"));
    }

    @Test
    void aNewOrderThatOvertakesThePreviousCancellationWaitsForIt() {
        String id = Catalog.listed(seller, "queued", "15").getString("id");
        String first = Catalog.newOrderId();
        String second = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(first, id));
        settledAt(id, 1);
        send("order.created", Catalog.orderCreated(second, id));
        send("order.cancelled", Catalog.orderCancelled(first, 1, id));
        assertEquals(second, settledAt(id, 3).getString("orderId"));
    }

    /**
     * The source of truth is a random history per ticket (orders that hold and release it in turn,
     * the last one perhaps paying for it); its events are delivered shuffled, each one to three
     * times. Every ticket must end held by the history's last order if that one still holds it
     * (sold if it paid), else free, and its ticket.updated events must be versions 1..n, each once.
     * (How many changes that takes depends on the delivery order: an order whose cancellation
     * overtook its creation never holds the ticket at all.)
     */
    @Test
    void shuffledDuplicatedEventsLeaveEveryTicketAsTheHistorySays() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        record Expected(String id, String orderId, String state) {}
        List<Expected> expected = new ArrayList<>();
        List<String[]> deliveries = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String id = Catalog.listed(seller, "history " + t, "5").getString("id");
            int orders = 1 + random.nextInt(4);
            boolean lastHolds = random.nextBoolean();
            boolean lastPays = lastHolds && random.nextBoolean();
            String holder = null;
            for (int o = 0; o < orders; o++) {
                String order = Catalog.newOrderId();
                deliveries.add(new String[] {"order.created", Catalog.orderCreated(order, id)});
                if (o < orders - 1 || !lastHolds) {
                    deliveries.add(
                            new String[] {"order.cancelled", Catalog.orderCancelled(order, 1, id)});
                } else {
                    holder = order;
                    if (lastPays) {
                        deliveries.add(
                                new String[] {
                                    "order.completed", Catalog.orderCompleted(order, 2, id)
                                });
                    }
                }
            }
            expected.add(
                    new Expected(
                            id, holder, lastPays ? "sold" : lastHolds ? "reserved" : "on-sale"));
        }
        List<String[]> shuffled = new ArrayList<>();
        deliveries.forEach(
                d -> {
                    for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                        shuffled.add(d);
                    }
                });
        Collections.shuffle(shuffled, random);
        shuffled.forEach(d -> send(d[0], d[1]));
        // Markers behind everything on both subjects: once they are applied, every event was
        // delivered at least once (some may still be waiting for redelivery, hence the waits
        // below).
        String markerTicket = Catalog.listed(seller, "marker", "1").getString("id");
        String marker = Catalog.newOrderId();
        send("order.created", Catalog.orderCreated(marker, markerTicket));
        settledAt(
                markerTicket,
                1); // (a cancellation sent before this would cancel the marker in advance)
        send("order.cancelled", Catalog.orderCancelled(marker, 1, markerTicket));
        settledAt(markerTicket, 2);

        for (Expected e : expected) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> {
                                JsonObject ticket = Catalog.ticket(e.id());
                                assertEquals(
                                        e.orderId(),
                                        ticket.containsKey("orderId") && !ticket.isNull("orderId")
                                                ? ticket.getString("orderId")
                                                : null,
                                        "seed " + seed + ": " + ticket);
                                assertEquals(
                                        e.state(),
                                        ticket.getString("state"),
                                        "seed " + seed + ": " + ticket);
                                List<Long> versions =
                                        updatesOf(e.id()).stream()
                                                .map(TicketUpdated::version)
                                                .sorted()
                                                .toList();
                                List<Long> expectedVersions = new ArrayList<>();
                                for (long v = 1; v <= ticket.getInt("version"); v++) {
                                    expectedVersions.add(v);
                                }
                                assertEquals(
                                        expectedVersions, versions, "seed " + seed + ": " + ticket);
                            });
        }
    }

    private static List<TicketUpdated> updatesOf(String id) {
        return bus.messages("ticket.updated").stream()
                .map(m -> Events.fromJson(m.json(), TicketUpdated.class).data())
                .filter(t -> t.id().equals(id))
                .toList();
    }
}
