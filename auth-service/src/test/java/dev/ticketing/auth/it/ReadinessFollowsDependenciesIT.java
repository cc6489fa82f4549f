package dev.ticketing.auth.it;

import dev.ticketing.testing.OutageDrill;
import org.junit.jupiter.api.Test;

/**
 * auth-service's readiness follows its store (its only dependency) while the server keeps running.
 */
class ReadinessFollowsDependenciesIT {

    @Test
    void downWhileTheStoreIsAwayAndUpWhenItReturns() {
        try (OutageDrill drill = OutageDrill.start("auth-service")) {
            drill.storeGoesAwayAndComesBack("store");
        }
    }
}
