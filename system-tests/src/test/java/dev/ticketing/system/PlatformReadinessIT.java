package dev.ticketing.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceHealthChecks;
import dev.ticketing.testing.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The platform server hosts every service at its production path on one origin, all ready. */
class PlatformReadinessIT {
    private final HttpApi http = new HttpApi();

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "catalog-service", "order-service", "payment-service",
            "timer-service", "ui-faces"})
    void everyServiceReportsReady(String service) {
        ServiceHealthChecks.assertReady(service);
    }

    @Test
    void theStorefrontIsAtTheRoot() {
        HttpApi.Reply home = http.get(ServiceUnderTest.url("/"));
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Ticketing"), home.body());
    }

    @Test
    void anUnknownApiRouteIsA404InTheEnvelope() {
        HttpApi.Reply reply = http.get(ServiceUnderTest.url("/api/tickets/no/such/route"));
        assertEquals(404, reply.status(), reply.body());
        assertEquals("Not Found", reply.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }
}
