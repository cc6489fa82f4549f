package dev.ticketing.store.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the service's {@link MongoStore} injectable, from the same settings JNoSQL reads. */
@ApplicationScoped
public class MongoStoreProducer {

    // @Singleton, not @ApplicationScoped: MongoStore is a final class with no client proxy, and one
    // instance per application is all either scope would give.
    @Produces
    @Singleton
    MongoStore store(
            @ConfigProperty(name = "jnosql.mongodb.url", defaultValue = "mongodb://127.0.0.1:27017")
                    String url,
            @ConfigProperty(name = "jnosql.document.database") String database) {
        return new MongoStore(url, database);
    }

    void close(@Disposes MongoStore store) {
        store.close();
    }
}
