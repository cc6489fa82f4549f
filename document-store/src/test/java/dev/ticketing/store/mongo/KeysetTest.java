package dev.ticketing.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.store.embedded.EmbeddedDocumentStore;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeysetTest {
    private EmbeddedDocumentStore server;
    private MongoStore store;
    private MongoCollection<Document> claims;

    @BeforeEach
    void start() {
        server = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
        store = new MongoStore(server.url(), "keyset-test");
        claims = store.collection("claims");
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
    }

    private void insert(String id, int at) {
        claims.insertOne(new Document("_id", id).append("at", at));
    }

    /** Every id of the query, read {@code size} at a time, each page after the last one seen. */
    private List<String> pages(Bson where, int size, List<Integer> pageSizes) {
        List<String> seen = new ArrayList<>();
        Document last = null;
        while (true) {
            Bson page =
                    last == null
                            ? where
                            : Filters.and(
                                    where, Keyset.after("at", last.get("at"), last.get("_id")));
            List<Document> read =
                    claims.find(page).sort(Keyset.order("at")).limit(size).into(new ArrayList<>());
            if (read.isEmpty()) {
                return seen;
            }
            pageSizes.add(read.size());
            read.forEach(d -> seen.add(d.getString("_id")));
            last = read.get(read.size() - 1);
        }
    }

    @Test
    void pagesReadEveryDocumentOnceInOrderThroughTiesThatSpanAPage() {
        insert("c", 2);
        insert("a", 1);
        insert("e", 2);
        insert("b", 2);
        insert("d", 3);
        insert("f", 2);

        List<Integer> sizes = new ArrayList<>();
        assertEquals(List.of("a", "b", "c", "e", "f", "d"), pages(new Document(), 2, sizes));
        assertEquals(List.of(2, 2, 2), sizes);
    }

    @Test
    void aDocumentThatLeavesTheQueryBetweenPagesMovesNoOtherOut() {
        for (int i = 0; i < 6; i++) {
            insert("t" + i, i);
        }
        Bson open = Filters.ne("done", true);
        List<Document> first =
                claims.find(open).sort(Keyset.order("at")).limit(3).into(new ArrayList<>());
        // What a sweep does with its page: the documents it handled leave the query.
        claims.updateMany(
                Filters.in("_id", "t0", "t1"), new Document("$set", new Document("done", true)));

        Document last = first.get(2);
        List<String> rest = new ArrayList<>();
        claims.find(Filters.and(open, Keyset.after("at", last.get("at"), last.get("_id"))))
                .sort(Keyset.order("at"))
                .forEach(d -> rest.add(d.getString("_id")));
        assertEquals(List.of("t3", "t4", "t5"), rest);
    }
}
