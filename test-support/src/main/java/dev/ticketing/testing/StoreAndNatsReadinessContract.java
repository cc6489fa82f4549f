package dev.ticketing.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every service with a store and NATS owes its operators: readiness DOWN while either is away
 * and UP when it returns, the server running all along. A module's test extends this and names its
 * readiness check; the drill runs on a copy of the module's server (see {@link OutageDrill}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreAndNatsReadinessContract {
    private OutageDrill drill;

    /** The name of the service's readiness check (its module name). */
    protected abstract String checkName();

    @BeforeAll
    void startACopyOnItsOwnStoreAndNats() {
        drill = OutageDrill.start(checkName());
    }

    @AfterAll
    void stop() {
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    void downWhileTheStoreIsAwayAndUpWhenItReturns() {
        drill.storeGoesAwayAndComesBack("store");
    }

    @Test
    void downWhileNatsIsAwayAndUpWhenItReturns() {
        drill.natsGoesAwayAndComesBack();
    }
}
