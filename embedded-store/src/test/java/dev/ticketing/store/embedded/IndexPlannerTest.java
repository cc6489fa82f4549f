package dev.ticketing.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the planner reads for the catalog's searches (docs/architecture.md, "Search"): the first
 * page of a sorted search comes from an index in its order, a narrow filter from the entries in its
 * bounds; only a query no index bounds scans the collection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one catalogue, only read
class IndexPlannerTest {
    private static final int LISTINGS = 10_000;
    private static final long NOW = 1_800_000_000_000L;
    private static final String[] CITIES = {"lisbon", "porto", "madrid", "paris"};

    private final List<Index<Integer>> indexes = new ArrayList<>();
    private final List<Document> documents = new ArrayList<>();

    @BeforeAll
    void catalogue() {
        indexes.add(
                new SortedIndex<>(
                        "on_sale_newest",
                        List.of(
                                new IndexKey("orderId", true),
                                new IndexKey("withdrawnAt", true),
                                new IndexKey("listedAt", false),
                                new IndexKey("_id", false)),
                        false));
        indexes.add(
                new SortedIndex<>(
                        "on_sale_cheapest",
                        List.of(
                                new IndexKey("orderId", true),
                                new IndexKey("withdrawnAt", true),
                                new IndexKey("price", true),
                                new IndexKey("_id", true)),
                        false));
        indexes.add(
                new SortedIndex<>(
                        "city_soonest",
                        List.of(
                                new IndexKey("cityKey", true),
                                new IndexKey("event.startsAt", true)),
                        false));
        indexes.add(new SortedIndex<>("words", List.of(new IndexKey("searchWords", true)), false));
        indexes.add(
                new SortedIndex<>(
                        "pending_outbox_oldest_first",
                        List.of(new IndexKey("outboxSince", true), new IndexKey("_id", true)),
                        true));
        for (int i = 0; i < LISTINGS; i++) {
            Document d =
                    new Document("_id", String.format("t%05d", i))
                            .append("listedAt", Instant.ofEpochMilli(NOW - i * 1000L))
                            .append("price", (i * 37) % 500)
                            .append("cityKey", CITIES[i % CITIES.length])
                            .append(
                                    "event",
                                    new Document(
                                            "startsAt", Instant.ofEpochMilli(NOW + i * 60_000L)))
                            .append("searchWords", List.of("show" + (i % 100), "band" + (i % 7)));
            if (i % 3 == 0) {
                d.append("orderId", "o" + i); // reserved or sold
            }
            if (i % 1000 == 7) {
                d.append("outboxSince", Instant.ofEpochMilli(NOW - i)); // events waiting
            }
            documents.add(d);
            for (Index<Integer> index : indexes) {
                index.add(d, i, null);
            }
        }
    }

    private static Document onSale(Document... more) {
        List<Object> all = new ArrayList<>();
        all.add(new Document("orderId", null));
        all.add(new Document("withdrawnAt", null));
        all.add(
                new Document(
                        "$or",
                        List.of(
                                new Document("event", null),
                                new Document(
                                        "event.startsAt",
                                        new Document("$gt", Instant.ofEpochMilli(NOW))))));
        all.addAll(List.of(more));
        return new Document("$and", all);
    }

    private List<Integer> first(IndexPlanner.Plan<Integer> plan, int n) {
        List<Integer> visited = new ArrayList<>();
        for (Integer position : plan.positions()) {
            visited.add(position);
            if (visited.size() == n) {
                break;
            }
        }
        return visited;
    }

    @Test
    void theNewestPageIsReadInTheIndexsOrder() {
        IndexPlanner.Plan<Integer> plan =
                IndexPlanner.plan(
                        indexes, onSale(), new Document("listedAt", -1).append("_id", -1));
        assertNotNull(plan);
        assertTrue(plan.ordered());
        // Listed newest first are t00001, t00002, t00004...: not the reserved ones (every third).
        assertEquals(List.of(1, 2, 4, 5, 7), first(plan, 5));
    }

    @Test
    void theCheapestPageOfAWordIsReadByPrice() {
        Document word = new Document("searchWords", new BsonRegularExpression("^show", ""));
        IndexPlanner.Plan<Integer> plan =
                IndexPlanner.plan(indexes, onSale(word), new Document("price", 1).append("_id", 1));
        assertNotNull(plan);
        // Every listing has a "show" word: more entries than a small scan, so by price.
        assertTrue(plan.ordered());
        List<Integer> prices = new ArrayList<>();
        for (Integer p : first(plan, 50)) {
            prices.add((Integer) documents.get(p).get("price"));
        }
        List<Integer> sorted = new ArrayList<>(prices);
        sorted.sort(null);
        assertEquals(sorted, prices);
    }

    @Test
    void aCityAndDatesAreReadFromTheirBoundsOnly() {
        Document inCity =
                new Document("cityKey", "porto")
                        .append(
                                "event.startsAt",
                                new Document("$gte", Instant.ofEpochMilli(NOW + 100 * 60_000L))
                                        .append("$lte", Instant.ofEpochMilli(NOW + 500 * 60_000L)));
        IndexPlanner.Plan<Integer> plan =
                IndexPlanner.plan(
                        indexes,
                        onSale(inCity),
                        new Document("event.startsAt", 1).append("_id", 1));
        assertNotNull(plan);
        assertFalse(plan.ordered(), "few enough to read whole and sort");
        List<Integer> visited = first(plan, LISTINGS);
        // Porto is every fourth listing; minutes 100..500 hold 401 listings, 100 of them in Porto.
        assertEquals(100, visited.size());
        assertTrue(visited.stream().allMatch(p -> p % 4 == 1 && p >= 100 && p <= 500));
    }

    @Test
    void aRareWordIsReadFromTheWordsEntriesEachListingOnce() {
        Document word = new Document("searchWords", new BsonRegularExpression("^show42", ""));
        IndexPlanner.Plan<Integer> plan =
                IndexPlanner.plan(indexes, onSale(word), new Document("price", 1).append("_id", 1));
        assertNotNull(plan);
        assertFalse(plan.ordered());
        List<Integer> visited = first(plan, LISTINGS);
        assertEquals(100, visited.size());
        assertEquals(100, visited.stream().distinct().count());
    }

    @Test
    void theOutboxSweepReadsOnlyTheDocumentsWithEventsWaiting() {
        IndexPlanner.Plan<Integer> plan =
                IndexPlanner.plan(
                        indexes,
                        new Document("outboxSince", new Document("$ne", null)),
                        new Document("outboxSince", 1).append("_id", 1));
        assertNotNull(plan);
        assertEquals(
                List.of(9007, 8007, 7007, 6007, 5007, 4007, 3007, 2007, 1007, 7),
                first(plan, LISTINGS).stream().sorted((a, b) -> b - a).toList());
        // Without a condition that needs the field, a sparse index may lack what matches (this
        // one holds every document, as in MongoDB, since every document has an _id).
        assertNull(
                IndexPlanner.plan(
                        indexes,
                        new Document("outboxSince", null),
                        new Document("outboxSince", 1).append("_id", 1)));
    }

    @Test
    void aQueryNoIndexBoundsIsLeftToTheScan() {
        assertNull(IndexPlanner.plan(indexes, new Document("title", "Opera"), null));
        assertNull(
                IndexPlanner.plan(
                        indexes, new Document("orderId", null), new Document("$natural", 1)));
    }
}
