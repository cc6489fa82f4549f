package dev.ticketing.timer.it;

import dev.ticketing.testing.OutageDrill;
import org.junit.jupiter.api.Test;

/**
 * timer-service's readiness follows NATS while the server keeps running. (Its timer store is
 * embedded Derby here, which cannot go away on its own; with PostgreSQL the same check reports
 * {@code timerStore} DOWN while the database is unreachable.)
 */
class ReadinessFollowsDependenciesIT {

    @Test
    void downWhileNatsIsAwayAndUpWhenItReturns() {
        try (OutageDrill drill = OutageDrill.start("timer-service")) {
            drill.natsGoesAwayAndComesBack();
        }
    }
}
