package dev.ticketing.order.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.Sessions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ticket copies follow the catalog whatever the bus does: every copy ends identical to its
 * source after a randomised delivery (shuffled, duplicated, updates before their ticket.created), a
 * copy that missed a version catches up with the next one by itself, and replication never touches
 * this service's own reservation.
 */
class TicketCopiesIT {
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

    @Test
    void shuffledDuplicatedEventsLeaveEveryCopyIdenticalToItsSource() {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<TicketUpdated> sources = new ArrayList<>();
        List<EventPayload> deliveries = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            String id = Market.newId();
            String seller = "seller-" + t;
            deliveries.add(
                    new TicketCreated(id, 0, "ticket " + t, new BigDecimal("10.00"), seller));
            TicketUpdated last = null;
            int versions = random.nextInt(6);
            for (int v = 1; v <= versions; v++) {
                String orderId = random.nextBoolean() ? Market.newId() : null;
                last =
                        new TicketUpdated(
                                id,
                                v,
                                "ticket " + t + " v" + v,
                                new BigDecimal(random.nextInt(10000) + 1).movePointLeft(2),
                                seller,
                                orderId);
                deliveries.add(last);
            }
            sources.add(
                    last != null
                            ? last
                            : new TicketUpdated(
                                    id, 0, "ticket " + t, new BigDecimal("10.00"), seller, null));
        }
        List<EventPayload> shuffled = new ArrayList<>();
        for (EventPayload e : deliveries) {
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                shuffled.add(e);
            }
        }
        Collections.shuffle(shuffled, random);
        shuffled.forEach(
                e ->
                        Market.send(
                                bus,
                                e instanceof TicketCreated ? "ticket.created" : "ticket.updated",
                                e));

        for (TicketUpdated source : sources) {
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                Document copy = Market.copy(source.id());
                                return copy != null && copy.getLong("version") == source.version();
                            });
            Document copy = Market.copy(source.id());
            String context = "seed " + seed + ", copy " + copy.toJson();
            assertEquals(source.title(), copy.getString("title"), context);
            assertEquals(
                    source.price(), copy.get("price", Decimal128.class).bigDecimalValue(), context);
            assertEquals(source.userId(), copy.getString("userId"), context);
            assertEquals(source.orderId(), copy.getString("orderId"), context);
            assertEquals(null, copy.getString("reservedBy"), context);
        }
    }

    @Test
    void aCopyThatMissedAnUpdateCatchesUpWithTheNextAndOrdersArePricedFromIt() {
        String ticketId = Market.listedTicket(bus, "front row", "40");
        // Version 1 never arrives (dead-lettered, say); version 2 does.
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        ticketId,
                        2,
                        "front row, aisle",
                        new BigDecimal("55.50"),
                        "seller-" + ticketId,
                        null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Market.copy(ticketId).getLong("version") == 2);

        var order = Market.placed(buyer, ticketId).getJsonObject("ticket");
        assertEquals("front row, aisle", order.getString("title"));
        assertEquals(new BigDecimal("55.50"), order.getJsonNumber("price").bigDecimalValue());
        assertEquals(2, order.getInt("version"));
        // The missed version, when it comes after all, changes nothing.
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        ticketId,
                        1,
                        "front row",
                        new BigDecimal("45.00"),
                        "seller-" + ticketId,
                        null));
        Market.send(
                bus,
                "ticket.created",
                new TicketCreated(
                        ticketId, 0, "front row", new BigDecimal("40"), "seller-" + ticketId));
        String probe = Market.listedTicket(bus, "sent after the late ones", "10");
        await().atMost(Duration.ofSeconds(30)).until(() -> Market.copy(probe) != null);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> "front row, aisle".equals(Market.copy(ticketId).getString("title")));
    }

    @Test
    void anUpdateThatOvertakesItsTicketCreatedMakesTheTicketOrderable() {
        String ticketId = Market.newId();
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        ticketId,
                        1,
                        "early bird",
                        new BigDecimal("12.00"),
                        "seller-" + ticketId,
                        null));
        await().atMost(Duration.ofSeconds(30)).until(() -> Market.copy(ticketId) != null);
        assertEquals(
                new BigDecimal("12.00"),
                Market.placed(buyer, ticketId)
                        .getJsonObject("ticket")
                        .getJsonNumber("price")
                        .bigDecimalValue());
    }

    @Test
    void replicationKeepsTheLocalReservation() {
        String ticketId = Market.listedTicket(bus, "held", "40");
        String orderId = Market.placed(buyer, ticketId).getString("id");
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        ticketId,
                        1,
                        "held",
                        new BigDecimal("40.00"),
                        "seller-" + ticketId,
                        orderId));
        Market.send(
                bus,
                "ticket.updated",
                new TicketUpdated(
                        ticketId,
                        2,
                        "renamed while held",
                        new BigDecimal("41.00"),
                        "seller-" + ticketId,
                        null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Market.copy(ticketId).getLong("version") == 2);
        assertEquals(orderId, Market.copy(ticketId).getString("reservedBy"));
        Market.assertError(
                Market.order(Sessions.signUp(), ticketId), 400, "Ticket is already reserved");
    }
}
