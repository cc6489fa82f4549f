package dev.ticketing.catalog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.testing.ServiceHealthChecks;
import jakarta.json.JsonObject;
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
        JsonObject check = ServiceHealthChecks.assertReady("catalog-service");
        assertEquals(
                "UP",
                check.getJsonObject("data").getString("session-revocations", null),
                check.toString());
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
