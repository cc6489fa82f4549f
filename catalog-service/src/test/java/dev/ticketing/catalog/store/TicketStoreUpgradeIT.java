package dev.ticketing.catalog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.model.Filters;
import dev.ticketing.store.mongo.MongoStore;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings stored before the search existed (no folded words, no city key) are given them when the
 * store opens, against the store the build started: a search finds old listings too, and nothing
 * else about them changes (no version, no event).
 */
class TicketStoreUpgradeIT {
    private MongoStore mongo;

    @BeforeEach
    void open() {
        mongo =
                new MongoStore(
                        System.getProperty("it.store.url"),
                        "catalog-upgrade-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void drop() {
        mongo.collection(TicketStore.COLLECTION).drop();
        mongo.close();
    }

    @Test
    void listingsStoredBeforeTheSearchAreGivenTheirWordsOnceWhenTheStoreOpens() {
        Document withEvent =
                listing("665f1c2e9b1e8a3d4c5b6a01", "Stalls, row B")
                        .append(
                                "event",
                                new Document("name", "Beethoven: Symphonie n°9")
                                        .append("venue", "Opéra")
                                        .append("city", " Zürich ")
                                        .append("startsAt", new Date()));
        Document plain = listing("665f1c2e9b1e8a3d4c5b6a02", "Parking pass");
        mongo.collection(TicketStore.COLLECTION).insertMany(List.of(withEvent, plain));

        TicketStore store = new TicketStore();
        store.store = mongo;
        store.open();

        Document upgraded = stored(withEvent);
        assertEquals(
                List.of(
                        "stalls",
                        "row",
                        "b",
                        "beethoven",
                        "symphonie",
                        "n",
                        "9",
                        "opera",
                        "zurich"),
                upgraded.getList("searchWords", String.class));
        assertEquals("zurich", upgraded.getString("cityKey"));
        assertEquals(3L, upgraded.get("version"), "no new version");
        assertFalse(upgraded.containsKey("outbox"), "no event");
        Document upgradedPlain = stored(plain);
        assertEquals(
                List.of("parking", "pass"), upgradedPlain.getList("searchWords", String.class));
        assertNull(upgradedPlain.get("cityKey"));
    }

    private static Document listing(String id, String title) {
        return new Document("_id", id)
                .append("title", title)
                .append("price", new Decimal128(new java.math.BigDecimal("10.00")))
                .append("userId", "seller")
                .append("version", 3L)
                .append("orderId", null)
                .append("listedAt", new Date());
    }

    private Document stored(Document listing) {
        return mongo.collection(TicketStore.COLLECTION)
                .find(Filters.eq("_id", listing.get("_id")))
                .first();
    }
}
