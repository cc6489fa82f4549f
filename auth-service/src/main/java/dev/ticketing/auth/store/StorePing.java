package dev.ticketing.auth.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers "is the store reachable?" within a second or two. A client of its own, because JNoSQL's
 * waits the driver's default 30 s to select a server, far longer than a readiness probe may take.
 */
@ApplicationScoped
public class StorePing {

    @Inject
    @ConfigProperty(name = "jnosql.mongodb.url")
    String url;

    @Inject
    @ConfigProperty(name = "jnosql.document.database", defaultValue = "auth")
    String database;

    @Inject
    @ConfigProperty(name = "auth.store.ping.timeout.ms", defaultValue = "2000")
    int timeoutMs;

    private MongoClient client;

    /** True when the store answered a ping in time. */
    public boolean reachable() {
        try {
            client().getDatabase(database).runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private synchronized MongoClient client() {
        if (client == null) {
            client =
                    MongoClients.create(
                            MongoClientSettings.builder()
                                    .applyConnectionString(new ConnectionString(url))
                                    .applyToClusterSettings(
                                            c ->
                                                    c.serverSelectionTimeout(
                                                            timeoutMs, TimeUnit.MILLISECONDS))
                                    .applyToSocketSettings(
                                            s ->
                                                    s.connectTimeout(
                                                                    timeoutMs,
                                                                    TimeUnit.MILLISECONDS)
                                                            .readTimeout(
                                                                    timeoutMs,
                                                                    TimeUnit.MILLISECONDS))
                                    .applyToConnectionPoolSettings(p -> p.maxSize(1))
                                    .build());
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
