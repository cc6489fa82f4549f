package dev.ticketing.catalog.health;

import dev.ticketing.store.health.DocumentStoreReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the ticket store answers and NATS is connected: without either, no change can be
 * stored or told.
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness extends DocumentStoreReadiness {

    @Override
    protected String service() {
        return "catalog-service";
    }
}
