package dev.ticketing.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * One service's database and its one client. Jakarta NoSQL's template works over this client
 * ({@link DocumentManagerProducer}); the driver itself is used only for what JNoSQL 1.1 cannot
 * express: conditional writes (an update on a version), atomic single-document outbox updates and
 * indexes. It reads JNoSQL's settings ({@code jnosql.mongodb.url}, {@code
 * jnosql.document.database}).
 */
public final class MongoStore implements AutoCloseable {
    private final MongoClient client;
    private final MongoDatabase database;

    /**
     * How long a command waits for the store's answer: far longer than any command of the services
     * takes (indexed reads and single-document writes), short enough that a request meets a silent
     * store with a 503 rather than hanging.
     */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    public MongoStore(String url, String databaseName) {
        ConnectionString connection = new ConnectionString(url);
        // Fail a request within seconds when the store is down, rather than hang a client for 30 s.
        // Writes are acknowledged only once a majority of the replica set has them: a 201 (or an
        // event's ack) must not be undone by a failover that elects a member that never saw it. A
        // URL
        // that names its own w= wins (a standalone MongoDB treats majority as itself).
        MongoClientSettings.Builder builder =
                MongoClientSettings.builder().applyConnectionString(connection);
        if (connection.getWriteConcern() == null) {
            builder.writeConcern(WriteConcern.MAJORITY);
        }
        // A store that stops answering on an open connection (frozen, or a network that drops the
        // way back without a reset) fails the command after READ_TIMEOUT instead of holding the
        // request, and its thread, until TCP gives up hours later. A URL's socketTimeoutMS wins.
        int readTimeoutMs =
                connection.getSocketTimeout() != null
                        ? connection.getSocketTimeout()
                        : (int) READ_TIMEOUT.toMillis();
        MongoClientSettings settings =
                builder.applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                        .applyToSocketSettings(
                                s ->
                                        s.connectTimeout(5, TimeUnit.SECONDS)
                                                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS))
                        .build();
        this.client = MongoClients.create(settings);
        this.database = client.getDatabase(databaseName);
    }

    /** The client, for Jakarta NoSQL's document manager ({@link DocumentManagerProducer}). */
    MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return database;
    }

    public MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    /**
     * How long readiness waits for the store's answer: longer than a healthy store ever takes,
     * short enough that a health check does not hang on a store that is gone.
     */
    public static final Duration READINESS_PING_TIMEOUT = Duration.ofSeconds(2);

    /** True when the store answers a ping within {@link #READINESS_PING_TIMEOUT}. */
    public boolean ping() {
        return ping(READINESS_PING_TIMEOUT);
    }

    /** True when the store answers a ping within {@code timeout}. */
    public boolean ping(Duration timeout) {
        try {
            database.withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs {@code insert}: true when it wrote, false when a unique index (the _id included) already
     * held its key, so nothing was written; any other failure is thrown. The one way a store says
     * "first writer wins" (a redelivered event, a retried request, a slot already taken).
     */
    public static boolean insertIfAbsent(Runnable insert) {
        try {
            insert.run();
            return true;
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A write refused because a unique index (the _id included) already holds the value. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w
                    && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoCommandException c && c.getErrorCode() == 11000) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
