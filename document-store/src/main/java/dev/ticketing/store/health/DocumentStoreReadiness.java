package dev.ticketing.store.health;

import dev.ticketing.kit.health.StoreAndNatsReadiness;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Readiness of a service that keeps its documents in the document store: {@code store} (answers a
 * ping within 2 s) and {@code nats}. A service extends it by naming itself (annotate the subclass
 * {@code @Readiness @ApplicationScoped}).
 */
public abstract class DocumentStoreReadiness extends StoreAndNatsReadiness {

    @Inject MongoStore store;

    @Override
    protected Map<String, BooleanSupplier> stores() {
        return Map.of("store", store::ping);
    }
}
