package dev.ticketing.payment.it;

import dev.ticketing.testing.OutageDrill;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** payment-service's readiness follows its store and NATS while the server keeps running. */
class ReadinessFollowsDependenciesIT {
    private static OutageDrill drill;

    @BeforeAll
    static void startACopyOnItsOwnStoreAndNats() {
        drill = OutageDrill.start("payment-service");
    }

    @AfterAll
    static void stop() {
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
