package dev.ticketing.payment.it;

import dev.ticketing.testing.StoreAndNatsReadinessContract;

/** payment-service's readiness follows its store and NATS while the server keeps running. */
class ReadinessFollowsDependenciesIT extends StoreAndNatsReadinessContract {

    @Override
    protected String checkName() {
        return "payment-service";
    }
}
