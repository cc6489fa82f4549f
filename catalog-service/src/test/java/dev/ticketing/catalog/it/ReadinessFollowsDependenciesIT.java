package dev.ticketing.catalog.it;

import dev.ticketing.testing.StoreAndNatsReadinessContract;

/** catalog-service's readiness follows its store and NATS while the server keeps running. */
class ReadinessFollowsDependenciesIT extends StoreAndNatsReadinessContract {

    @Override
    protected String checkName() {
        return "catalog-service";
    }
}
