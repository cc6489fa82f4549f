package dev.ticketing.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.common.listing.Listing;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.store.mongo.MongoStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two order events decided on the same read of a ticket, written one after the other, against the
 * store the build started (in this package: it drives {@link TicketStore#update} directly, the
 * interleaving no HTTP test can force). Remembering an order whose cancellation overtook its
 * order.created changes no version; the reservation decided on the same read must still lose, or
 * the cancelled order would hold the ticket for good. Found by OrderEventsIT's shuffled history
 * (seed -7099769288583445163).
 */
class TicketStoreRaceIT {
    private MongoStore mongo;
    private TicketStore store;
    private Ticket read;

    @BeforeEach
    void aFreeTicketAtVersion4() {
        mongo =
                new MongoStore(
                        System.getProperty("it.store.url"),
                        "catalog-race-" + UUID.randomUUID().toString().substring(0, 8));
        store = new TicketStore();
        store.store = mongo;
        store.open();
        read =
                new Ticket(
                        new Listing(
                                "665f1c2e9b1e8a3d4c5b6a79",
                                "Race",
                                new BigDecimal("10.00"),
                                null,
                                null,
                                "seller"),
                        4,
                        null,
                        Instant.parse("2026-03-01T12:00:00Z"),
                        null,
                        null,
                        null,
                        null,
                        Map.of("a", 1L, "b", 1L));
        mongo.collection(TicketStore.COLLECTION)
                .insertOne(
                        new Document("_id", read.id())
                                .append("title", read.title())
                                .append("price", new Decimal128(read.price()))
                                .append("userId", read.userId())
                                .append("version", read.version())
                                .append("orderId", null)
                                .append("listedAt", Date.from(read.listedAt()))
                                .append(
                                        "orderEvents",
                                        new Document(Map.copyOf(read.orderEvents()))));
    }

    @AfterEach
    void drop() {
        mongo.collection(TicketStore.COLLECTION).drop();
        mongo.close();
    }

    @Test
    void aReservationDecidedBeforeTheOrderWasRememberedAsCancelledLoses() {
        Ticket.Change remember = read.release("x", 1);
        Ticket.Change reserve = read.reserve("x", 0);
        assertEquals(Outcome.DUPLICATE, remember.outcome());
        assertEquals(Outcome.APPLIED, reserve.outcome());

        assertTrue(store.update(read, remember.after().orElseThrow(), List.of()));
        assertFalse(
                store.update(read, reserve.after().orElseThrow(), List.of()),
                "decided on a read that did not know the cancellation: read again");
        Document stored = stored();
        assertNull(stored.get("orderId"), "" + stored);
        assertEquals(1L, stored.get("orderEvents", Document.class).get("x"), "" + stored);
        assertEquals(4L, stored.get("version"), "" + stored);
    }

    @Test
    void aCancellationDecidedBeforeTheReservationLandedIsDecidedAgain() {
        Ticket.Change reserve = read.reserve("x", 0);
        Ticket.Change remember = read.release("x", 1);

        assertTrue(store.update(read, reserve.after().orElseThrow(), List.of()));
        assertFalse(
                store.update(read, remember.after().orElseThrow(), List.of()),
                "the version moved on: read again, and then the release applies");
        Ticket held = reserve.after().orElseThrow();
        Ticket.Change release = held.release("x", 1);
        assertEquals(Outcome.APPLIED, release.outcome());
        assertTrue(store.update(held, release.after().orElseThrow(), List.of()));
        Document stored = stored();
        assertNull(stored.get("orderId"), "" + stored);
        assertEquals(6L, stored.get("version"), "" + stored);
    }

    private Document stored() {
        return mongo.collection(TicketStore.COLLECTION).find(Filters.eq("_id", read.id())).first();
    }
}
