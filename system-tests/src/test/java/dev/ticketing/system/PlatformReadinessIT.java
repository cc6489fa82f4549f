package dev.ticketing.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceHealthChecks;
import dev.ticketing.testing.ServiceUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The platform server hosts every service at its production path on one origin, all ready. */
class PlatformReadinessIT {
    private final HttpApi http = new HttpApi();

    /** The six applications the platform runs, each on its own server in split mode. */
    private static final List<String> APPLICATIONS =
            List.of(
                    "auth-service",
                    "catalog-service",
                    "order-service",
                    "payment-service",
                    "timer-service",
                    "ui-faces");

    static List<String> applications() {
        return APPLICATIONS;
    }

    @ParameterizedTest
    @MethodSource("applications")
    void everyServiceReportsReady(String service) {
        ServiceHealthChecks.assertReady(service);
    }

    /**
     * An operator reading /health/ready can tell which application a DOWN check belongs to: on the
     * service's server (the platform's, or its own in split mode) every check is named after one
     * application, none twice, and one after this service.
     */
    @ParameterizedTest
    @MethodSource("applications")
    void everyReadinessCheckNamesItsApplication(String service) {
        List<String> names = ServiceHealthChecks.readinessCheckNames(service);
        assertTrue(names.contains(service), names.toString());
        assertEquals(names.stream().distinct().toList(), names, "a name used twice: " + names);
        assertTrue(APPLICATIONS.containsAll(names), names.toString());
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
        assertEquals(
                "Not Found",
                reply.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    /**
     * An /api/ path that no API owns reaches the storefront (it serves "/"), which answers the
     * API's 404 envelope, not its HTML page: on one server, behind the split front, behind the
     * Route. Before: GET /api/nowhere answered the storefront's "We couldn't find that page".
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/nowhere", "/api", "/api/", "/api/nowhere/at/all?x=1"})
    void anApiPathNoApiOwnsIsA404InTheEnvelope(String path) {
        HttpApi.Reply reply = http.get(ServiceUnderTest.url(path));
        assertEquals(404, reply.status(), path + ": " + reply.body());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"), path);
        assertEquals(
                "Not Found",
                reply.json().getJsonArray("errors").getJsonObject(0).getString("message"),
                path);
    }

    /**
     * Operator routes are not on the public origin; on the operator port they are (docs/api.md).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/metrics",
                "/health/ready",
                "/openapi",
                "/internal/timers",
                "/jwt/ibm/api/ticketing/jwk"
            })
    void operatorRoutesAreNotOnThePublicOrigin(String path) {
        HttpApi.Reply reply =
                http.get(ServiceUnderTest.url(path), "Origin", "https://evil.example");
        assertEquals(404, reply.status(), path + ": " + reply.body());
        assertTrue(reply.header("Access-Control-Allow-Origin").isEmpty(), path);
        assertTrue(
                !reply.body().contains("# HELP") && !reply.body().contains("expiresAt"),
                path + ": " + reply.body());
    }

    @Test
    void timerServicesAdminViewIsOnItsOperatorPort() {
        assertEquals(
                200,
                http.get(ServiceUnderTest.operatorUrl("timer-service", "/internal/timers"))
                        .status());
    }
}
