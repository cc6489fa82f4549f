package dev.ticketing.storefront.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceHealthChecks;
import dev.ticketing.testing.ServiceUnderTest;
import org.junit.jupiter.api.Test;

/** The storefront's own Liberty server is up, ready, and serves its home page at the root. */
class ReadinessIT {

    @Test
    void reportsReadyUnderItsOwnName() {
        ServiceHealthChecks.assertReady("ui-faces");
    }

    @Test
    void servesTheHomePageAtTheRoot() {
        HttpApi.Reply home = new HttpApi().get(ServiceUnderTest.url("/"));
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Ticketing"), home.body());
    }
}
