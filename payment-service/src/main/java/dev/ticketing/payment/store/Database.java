package dev.ticketing.payment.store;

import dev.ticketing.store.mongo.MongoStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * payment-service's database. It holds its own {@link MongoStore} rather than injecting the one
 * document-store produces: that producer is {@code @ApplicationScoped} on a final class without a
 * no-argument constructor, which CDI cannot proxy (WELD-001410 at deployment).
 */
@ApplicationScoped
public class Database {

    @Inject
    @ConfigProperty(name = "jnosql.mongodb.url", defaultValue = "mongodb://127.0.0.1:27017")
    String url;

    @Inject
    @ConfigProperty(name = "jnosql.document.database")
    String name;

    private MongoStore store;

    public synchronized MongoStore store() {
        if (store == null) {
            store = new MongoStore(url, name);
        }
        return store;
    }

    @PreDestroy
    synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
