package dev.ticketing.catalog.it;

import dev.ticketing.testing.ServiceHealthChecks;
import org.junit.jupiter.api.Test;

/** catalog-service's own Liberty server is up and reports itself ready and documented. */
class ReadinessIT {

    @Test
    void reportsReadyUnderItsOwnName() {
        ServiceHealthChecks.assertReady("catalog-service");
    }

    /** It refuses signed-out tokens, so it is ready only once it has read the revocations. */
    @Test
    void namesTheSessionRevocationsAmongWhatItsReadinessWaitsFor() {
        ServiceHealthChecks.assertReadyWaitingFor("catalog-service", "session-revocations");
    }

    @Test
    void publishesAnOpenApiDocumentForItsRoutes() {
        ServiceHealthChecks.assertOpenApiTitle("Ticketing catalog-service");
    }

    @Test
    void documentsEveryRouteWithExamples() {
        ServiceHealthChecks.assertEveryResponseHasAnExample();
    }
}
