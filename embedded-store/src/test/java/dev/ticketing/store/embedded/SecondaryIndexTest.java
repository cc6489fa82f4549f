package dev.ticketing.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secondary indexes change how much of a collection a query reads, never what it answers: the
 * same random documents, changes and queries (equalities, nulls, ranges, {@code $in}, anchored and
 * other patterns, {@code $or}, {@code $and}, sorts with and without a limit) give the same results
 * on the stock scanning backend, on the indexed in-memory one, and on the durable file one, also
 * after the file store restarts and rebuilds its indexes.
 */
class SecondaryIndexTest {
    private static final String[] WORDS = {
        "rock", "rocket", "roll", "jazz", "jam", "opera", "op.era", "a|b", "zoo", "été"
    };
    private static final long SEED = Long.getLong("test.seed", 20261205L);

    private final Random random = new Random(SEED);

    @Test
    void indexedBackendsAnswerExactlyAsTheScanningOne(@TempDir Path dataDir) throws Exception {
        int filePort;
        List<Bson> queries = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            queries.add(randomFilter(2));
        }
        try (EmbeddedDocumentStore scanning =
                        EmbeddedDocumentStore.inMemoryScanning("127.0.0.1", 0);
                EmbeddedDocumentStore indexed = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
                EmbeddedDocumentStore file =
                        EmbeddedDocumentStore.inFile(dataDir, "127.0.0.1", 0, false);
                MongoClient reference = MongoClients.create(scanning.url());
                MongoClient memory = MongoClients.create(indexed.url());
                MongoClient disk = MongoClients.create(file.url())) {
            filePort = file.port();
            List<MongoCollection<Document>> all =
                    List.of(collection(reference), collection(memory), collection(disk));
            all.forEach(SecondaryIndexTest::createIndexes);
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 150; i++) {
                    Document doc = randomDocument(round * 1000 + i);
                    all.forEach(c -> c.insertOne(new Document(doc)));
                }
                for (int i = 0; i < 20; i++) {
                    Bson filter = randomFilter(1);
                    Bson change = randomChange();
                    long[] modified = new long[3];
                    for (int c = 0; c < 3; c++) {
                        modified[c] = all.get(c).updateMany(filter, change).getModifiedCount();
                    }
                    assertEquals(modified[0], modified[1], "updated in memory: " + filter);
                    assertEquals(modified[0], modified[2], "updated on file: " + filter);
                }
                // A few documents at a time, so that every round has some to find.
                Bson doomed = Filters.and(randomFilter(1), Filters.eq("n", random.nextInt(50)));
                long deleted = all.get(0).deleteMany(doomed).getDeletedCount();
                assertEquals(deleted, all.get(1).deleteMany(doomed).getDeletedCount());
                assertEquals(deleted, all.get(2).deleteMany(doomed).getDeletedCount());
                compare(all, queries);
            }
        }
        try (EmbeddedDocumentStore scanning =
                        EmbeddedDocumentStore.inMemoryScanning("127.0.0.1", 0);
                EmbeddedDocumentStore file =
                        EmbeddedDocumentStore.inFile(dataDir, "127.0.0.1", filePort, false);
                MongoClient reference = MongoClients.create(scanning.url());
                MongoClient disk = MongoClients.create(file.url())) {
            MongoCollection<Document> reopened = collection(disk);
            // The reference is rebuilt from what the file kept; the file store now answers from
            // the indexes it rebuilt when it opened.
            collection(reference).insertMany(reopened.find().into(new ArrayList<>()));
            compare(List.of(collection(reference), reopened), queries);
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("planner").getCollection("things");
    }

    private static void createIndexes(MongoCollection<Document> c) {
        c.createIndex(Indexes.ascending("a"), new IndexOptions().name("a"));
        c.createIndex(
                Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b")),
                new IndexOptions().name("a_b"));
        c.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        c.createIndex(Indexes.ascending("e.at", "_id"), new IndexOptions().name("e_at"));
        c.createIndex(Indexes.ascending("s", "n"), new IndexOptions().name("s_n"));
        c.createIndex(
                Indexes.compoundIndex(Indexes.ascending("gone"), Indexes.descending("b", "_id")),
                new IndexOptions().name("gone_b"));
        c.createIndex(Indexes.ascending("gone", "price", "_id"), new IndexOptions().name("price"));
        c.createIndex(
                Indexes.ascending("b", "_id"), new IndexOptions().name("b_sparse").sparse(true));
        c.createIndex(Indexes.ascending("e.at"), new IndexOptions().name("e_sparse").sparse(true));
    }

    private void compare(List<MongoCollection<Document>> all, List<Bson> queries) {
        List<Bson> sorts =
                List.of(
                        Sorts.ascending("a", "_id"),
                        Sorts.orderBy(Sorts.descending("b"), Sorts.descending("_id")),
                        Sorts.ascending("e.at", "_id"),
                        Sorts.ascending("n", "_id"),
                        Sorts.ascending("price", "_id"),
                        Sorts.descending("price", "_id"),
                        Sorts.ascending("b", "_id"),
                        Sorts.ascending("_id"));
        int nonEmpty = 0;
        for (Bson query : queries) {
            Set<Object> expected = ids(all.get(0).find(query));
            if (!expected.isEmpty()) {
                nonEmpty++;
            }
            for (int c = 1; c < all.size(); c++) {
                assertEquals(expected, ids(all.get(c).find(query)), "backend " + c + ": " + query);
                assertEquals(
                        all.get(0).countDocuments(query),
                        all.get(c).countDocuments(query),
                        "count " + c + ": " + query);
            }
            Bson sort = sorts.get(random.nextInt(sorts.size()));
            int skip = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
            int limit = new int[] {0, 1, 13}[random.nextInt(3)];
            List<Object> page =
                    orderedIds(all.get(0).find(query).sort(sort).skip(skip).limit(limit));
            for (int c = 1; c < all.size(); c++) {
                assertEquals(
                        page,
                        orderedIds(all.get(c).find(query).sort(sort).skip(skip).limit(limit)),
                        "backend "
                                + c
                                + ": "
                                + query
                                + " sorted "
                                + sort
                                + " skip "
                                + skip
                                + " limit "
                                + limit);
            }
        }
        assertTrue(nonEmpty > queries.size() / 4, "the queries find something: " + nonEmpty);
    }

    private static Set<Object> ids(Iterable<Document> found) {
        Set<Object> ids = new HashSet<>();
        found.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private static List<Object> orderedIds(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(d -> ids.add(d.get("_id")));
        return ids;
    }

    private Document randomDocument(int id) {
        Document d = new Document("_id", String.format("d%05d", id));
        switch (random.nextInt(5)) {
            case 0 -> {} // missing
            case 1 -> d.append("a", null);
            case 2 -> d.append("a", WORDS[random.nextInt(WORDS.length)]);
            default -> d.append("a", random.nextInt(10));
        }
        if (random.nextInt(6) > 0) {
            d.append("b", random.nextInt(3) == 0 ? random.nextDouble() * 10 : date());
        }
        switch (random.nextInt(4)) {
            case 0 -> {}
            case 1 -> d.append("tags", List.of());
            default -> {
                List<String> tags = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    tags.add(WORDS[random.nextInt(WORDS.length)]);
                }
                d.append("tags", tags);
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> {}
            case 1 -> d.append("e", null);
            default -> d.append("e", new Document("at", date()).append("city", word()));
        }
        d.append("s", word()).append("n", random.nextInt(50));
        if (random.nextInt(5) > 0) {
            d.append(
                    "price",
                    new Decimal128(new BigDecimal(random.nextInt(10000)).movePointLeft(2)));
        }
        if (random.nextInt(4) == 0) {
            d.append("gone", new Date(0));
        }
        return d;
    }

    private Date date() {
        return new Date(1_800_000_000_000L + random.nextInt(1000) * 60_000L);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private Object value(String field) {
        return switch (field) {
            case "a" -> random.nextBoolean() ? random.nextInt(10) : word();
            case "b", "e.at" -> random.nextInt(4) == 0 ? random.nextDouble() * 10 : date();
            case "n" -> random.nextInt(50);
            case "price" -> new Decimal128(new BigDecimal(random.nextInt(10000)).movePointLeft(2));
            case "gone" -> new Date(0);
            default -> word();
        };
    }

    private Bson randomFilter(int depth) {
        String[] fields = {"a", "b", "tags", "e.at", "s", "n", "price", "gone", "e", "_id"};
        String f = fields[random.nextInt(fields.length)];
        int kind = random.nextInt(depth > 0 ? 15 : 11);
        return switch (kind) {
            case 0 -> Filters.eq(f, null);
            case 1 -> Filters.exists(f, random.nextBoolean());
            case 2 -> Filters.gt(f, value(f));
            case 3 -> Filters.and(Filters.gte(f, value(f)), Filters.lte(f, value(f)));
            case 4 -> Filters.lt(f, value(f));
            case 5 -> Filters.in(f, value(f), value(f), null);
            case 6 -> Filters.regex(f, "^" + Pattern.quote(word().substring(0, 2)));
            case 7 ->
                    Filters.regex(
                            f,
                            new String[] {"^ro", "^r.c", "^roc?", "^a|b", "^op\\.", "^J", "ck"}
                                    [random.nextInt(7)],
                            random.nextInt(3) == 0 ? "i" : "");
            case 8 -> Filters.ne(f, random.nextBoolean() ? null : value(f));
            case 9 -> Filters.eq(f, value(f));
            case 10 ->
                    f.equals("_id")
                            ? Filters.eq("_id", String.format("d%05d", random.nextInt(4000)))
                            : Filters.eq(f, value(f));
            case 11 -> Filters.or(randomFilter(depth - 1), randomFilter(depth - 1));
            case 12 -> Filters.and(randomFilter(depth - 1), randomFilter(depth - 1));
            case 13 ->
                    Filters.and(
                            Filters.eq("_id", String.format("d%05d", random.nextInt(4000))),
                            randomFilter(depth - 1));
            default ->
                    Filters.or(
                            Filters.and(Filters.eq("gone", null), Filters.gt("b", value("b"))),
                            Filters.and(Filters.eq("b", value("b")), Filters.gt("_id", "d01000")));
        };
    }

    private Bson randomChange() {
        return switch (random.nextInt(5)) {
            case 0 -> Updates.set("a", random.nextInt(10));
            case 1 -> Updates.unset("a");
            case 2 -> Updates.set("e", new Document("at", date()));
            case 3 -> Updates.addToSet("tags", word());
            default -> Updates.set("gone", new Date(0));
        };
    }
}
