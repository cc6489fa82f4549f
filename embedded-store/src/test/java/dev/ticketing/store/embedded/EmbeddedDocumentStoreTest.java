package dev.ticketing.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store speaks the MongoDB wire protocol to the real driver and keeps file data across
 * restarts.
 */
class EmbeddedDocumentStoreTest {

    @Test
    void theMongoDriverWritesAndReadsThroughIt() {
        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.url())) {
            MongoCollection<Document> tickets =
                    client.getDatabase("catalog").getCollection("tickets");
            tickets.insertOne(
                    new Document("_id", "t1").append("title", "Concert").append("version", 0));
            Document found = tickets.find(Filters.eq("_id", "t1")).first();
            assertNotNull(found);
            assertEquals("Concert", found.getString("title"));
        }
    }

    @Test
    void fileDataSurvivesARestart(@TempDir Path dataDir) throws Exception {
        int port;
        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.inFile(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.url())) {
            port = store.port();
            client.getDatabase("orders")
                    .getCollection("orders")
                    .insertOne(new Document("_id", "o1").append("status", "created"));
        }
        try (EmbeddedDocumentStore store =
                        EmbeddedDocumentStore.inFile(dataDir, "127.0.0.1", port);
                MongoClient client = MongoClients.create(store.url())) {
            Document order =
                    client.getDatabase("orders")
                            .getCollection("orders")
                            .find(Filters.eq("_id", "o1"))
                            .first();
            assertNotNull(order, "the order written before the restart is still there");
            assertEquals("created", order.getString("status"));
        }
    }
}
