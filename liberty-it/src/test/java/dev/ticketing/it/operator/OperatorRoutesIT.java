package dev.ticketing.it.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operator routes are not on the public origin (docs/api.md, "Internal and operational routes"):
 * with the shared base.xml, Liberty's own endpoints (health, metrics, OpenAPI, the JWKS) answer on
 * the operator port only, the applications on the public port only. Before this, /metrics answered
 * anyone on the public origin, with Access-Control-Allow-Origin: *.
 */
class OperatorRoutesIT {
    private static final List<String> OPERATOR_PATHS =
            List.of(
                    "/metrics",
                    "/metrics?scope=application",
                    "/health",
                    "/health/ready",
                    "/health/live",
                    "/health/started",
                    "/openapi",
                    "/openapi/ui/",
                    "/jwt/ibm/api/ticketing/jwk",
                    "/ibm/api/");
    private final HttpApi http = new HttpApi();

    @Test
    void theOperatorPathsAreNotFoundOnThePublicPort() {
        for (String path : OPERATOR_PATHS) {
            HttpApi.Reply reply =
                    http.get(ServiceUnderTest.url(path), "Origin", "https://evil.example");
            assertEquals(404, reply.status(), path + ": " + reply.body());
            assertTrue(
                    reply.header("Access-Control-Allow-Origin").isEmpty(),
                    path + " allows no other origin");
            assertFalse(reply.body().contains("# HELP"), path + " shows no metrics");
            assertFalse(reply.body().contains("\"status\""), path + " shows no health");
        }
    }

    @Test
    void theOperatorPortServesThemAndNotTheApplications() {
        assertEquals(200, http.get(ServiceUnderTest.operatorUrl("/metrics")).status());
        assertEquals(200, http.get(ServiceUnderTest.operatorUrl("/health/ready")).status());
        assertEquals(200, http.get(ServiceUnderTest.operatorUrl("/openapi")).status());
        assertEquals(
                200, http.get(ServiceUnderTest.operatorUrl("/jwt/ibm/api/ticketing/jwk")).status());
        // The applications are public only: no API behind the operator port.
        assertEquals(
                404, http.get(ServiceUnderTest.operatorUrl("/api/users/currentuser")).status());
        assertEquals(200, http.get(ServiceUnderTest.url("/api/users/currentuser")).status());
    }

    @Test
    void thePublicPortAnswersWhateverPortAProxyNamesInHost() {
        // Behind the OpenShift router Host carries no port (:80/:443); split mode's nginx sends its
        // own.
        for (String host :
                List.of("shop.example.com", "shop.example.com:443", "shop.example.com:80")) {
            HttpApi.Reply reply =
                    http.send(
                            java.net.http.HttpRequest.newBuilder(
                                            ServiceUnderTest.url("/api/users/currentuser"))
                                    .header("Host", host)
                                    .GET());
            assertEquals(200, reply.status(), "Host " + host + ": " + reply.body());
            HttpApi.Reply metrics =
                    http.send(
                            java.net.http.HttpRequest.newBuilder(ServiceUnderTest.url("/metrics"))
                                    .header("Host", host)
                                    .GET());
            assertEquals(
                    404,
                    metrics.status(),
                    "Host " + host + " does not reach /metrics on the public port");
        }
    }
}
