package dev.ticketing.store.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.MongoSocketReadTimeoutException;
import dev.ticketing.store.embedded.EmbeddedDocumentStore;
import dev.ticketing.testing.LostReplyProxy;
import java.net.URI;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A store that stops answering on an open connection (frozen, or a network that drops the way back
 * without a reset; test-support's {@link LostReplyProxy} holds the reply): the command fails after
 * {@link MongoStore#READ_TIMEOUT} instead of hanging until TCP gives up: a read is retried by the
 * driver on a fresh connection, a write fails and its request gets a 503. The bound on each test
 * only turns a hang into a failure.
 */
class SilentStoreTest {

    @Test
    void aReadTheStoreNeverAnswersIsRetriedOnAFreshConnection() {
        try (EmbeddedDocumentStore server = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
                LostReplyProxy proxy = LostReplyProxy.to(URI.create(server.url()));
                MongoStore store = new MongoStore(proxy.url(), "silent-store-test")) {
            store.collection("tickets").insertOne(new Document("_id", "t-1"));

            proxy.holdReplyToNext("find", "tickets");
            Document read =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () -> store.collection("tickets").find().first());

            assertEquals(1, proxy.lost(), "the store's reply was held back");
            assertEquals("t-1", read.getString("_id"), "the driver's retry was answered");
        }
    }

    @Test
    void aWriteTheStoreNeverAnswersFailsAsAnOutageInsteadOfHanging() {
        try (EmbeddedDocumentStore server = EmbeddedDocumentStore.inMemory("127.0.0.1", 0);
                LostReplyProxy proxy = LostReplyProxy.to(URI.create(server.url()));
                MongoStore store = new MongoStore(proxy.url(), "silent-store-test")) {
            proxy.holdReplyToNext("insert", "tickets");
            MongoSocketReadTimeoutException silent =
                    assertTimeoutPreemptively(
                            Duration.ofSeconds(60),
                            () ->
                                    assertThrows(
                                            MongoSocketReadTimeoutException.class,
                                            () ->
                                                    store.collection("tickets")
                                                            .insertOne(
                                                                    new Document("_id", "t-2"))));

            assertEquals(1, proxy.lost(), "the store's reply was held back");
            assertEquals(503, new StoreOutageMapper().toResponse(silent).getStatus());
            assertEquals(
                    1,
                    store.collection("tickets").countDocuments(),
                    "the store applied the write; the next command is answered");
        }
    }
}
