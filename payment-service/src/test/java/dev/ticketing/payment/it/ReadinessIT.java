package dev.ticketing.payment.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.testing.ServiceHealthChecks;
import jakarta.json.JsonObject;
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
        JsonObject check = ServiceHealthChecks.assertReady("payment-service");
        assertEquals(
                "UP",
                check.getJsonObject("data").getString("session-revocations", null),
                check.toString());
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
