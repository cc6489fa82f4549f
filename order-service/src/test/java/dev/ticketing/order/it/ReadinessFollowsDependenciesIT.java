package dev.ticketing.order.it;

import dev.ticketing.testing.StoreAndNatsReadinessContract;

/** order-service's readiness follows its store and NATS while the server keeps running. */
class ReadinessFollowsDependenciesIT extends StoreAndNatsReadinessContract {

    @Override
    protected String checkName() {
        return "order-service";
    }
}
