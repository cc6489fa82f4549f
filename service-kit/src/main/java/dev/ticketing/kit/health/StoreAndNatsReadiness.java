package dev.ticketing.kit.health;

import dev.ticketing.nats.NatsConnectionStatus;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Readiness of a service that stores a change and then tells it: each of its stores, then {@code
 * nats} (connected). Without either, no change can be stored or told. A service extends it by
 * naming itself and its stores ({@code DocumentStoreReadiness} names the document store).
 */
public abstract class StoreAndNatsReadiness extends ServiceReadiness {

    @Inject NatsConnectionStatus nats;

    /** Each store by the name the check's data gives it, and how to tell it answers. */
    protected abstract Map<String, BooleanSupplier> stores();

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        Map<String, BooleanSupplier> dependencies = new LinkedHashMap<>(stores());
        dependencies.put("nats", nats::isConnected);
        return dependencies;
    }
}
