package dev.ticketing.order.it;

import dev.ticketing.testing.ServiceHealthChecks;
import org.junit.jupiter.api.Test;

/** order-service's own Liberty server is up and reports itself ready and documented. */
class ReadinessIT {

    @Test
    void reportsReadyUnderItsOwnName() {
        ServiceHealthChecks.assertReady("order-service");
    }

    /** It refuses signed-out tokens, so it is ready only once it has read the revocations. */
    @Test
    void namesTheSessionRevocationsAmongWhatItsReadinessWaitsFor() {
        ServiceHealthChecks.assertReadyWaitingFor("order-service", "session-revocations");
    }

    @Test
    void publishesAnOpenApiDocumentForItsRoutes() {
        ServiceHealthChecks.assertOpenApiTitle("Ticketing order-service");
    }

    @Test
    void documentsEveryRouteWithExamples() {
        ServiceHealthChecks.assertEveryResponseHasAnExample();
    }
}
