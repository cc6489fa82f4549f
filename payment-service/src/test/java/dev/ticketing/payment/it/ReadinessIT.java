package dev.ticketing.payment.it;

import dev.ticketing.testing.ServiceHealthChecks;
import org.junit.jupiter.api.Test;

/** payment-service's own Liberty server is up and reports itself ready and documented. */
class ReadinessIT {

    @Test
    void reportsReadyUnderItsOwnName() {
        ServiceHealthChecks.assertReady("payment-service");
    }

    /** It refuses signed-out tokens, so it is ready only once it has read the revocations. */
    @Test
    void namesTheSessionRevocationsAmongWhatItsReadinessWaitsFor() {
        ServiceHealthChecks.assertReadyWaitingFor("payment-service", "session-revocations");
    }

    @Test
    void publishesAnOpenApiDocumentForItsRoutes() {
        ServiceHealthChecks.assertOpenApiTitle("Ticketing payment-service");
    }

    @Test
    void documentsEveryRouteWithExamples() {
        ServiceHealthChecks.assertEveryResponseHasAnExample();
    }
}
