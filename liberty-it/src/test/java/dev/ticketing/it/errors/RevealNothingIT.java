package dev.ticketing.it.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Liberty itself answers reveals nothing internal (docs/api.md, "Hardening"). Before: {@code
 * GET /api/orders/..%2f..%2fmetrics} answered Liberty's error page naming {@code
 * com.ibm.wsspi.webcontainer.util.RequestUtils.verifyEncodedCharacter:1088}, an exception message
 * and a {@code $WSEP} header; an unknown path got Liberty's "context root not found" page.
 */
class RevealNothingIT {
    /** Requests the container refuses before or outside JAX-RS, under the apps and beside them. */
    private static final List<String> ODD_PATHS =
            List.of(
                    "/api/users/x/..%2f..%2fmetrics",
                    "/api/users/a%2fb",
                    "/probe/errors/..%2f..%2fx",
                    "/api/users/..%2f..%2fmetrics",
                    "/probe/..%2fWEB-INF%2fweb.xml",
                    "/nowhere",
                    "/nowhere/..%2fmetrics");

    private static final Pattern INTERNALS =
            Pattern.compile(
                    "(?i)exception|\\.java|com\\.ibm|io\\.openliberty|at \\[internal|\\bstack\\b|open liberty|websphere|SRVE\\d");
    private final HttpApi http = new HttpApi();

    @Test
    void oddRequestsGetAPlainRefusalWithoutInternals() {
        for (String path : ODD_PATHS) {
            HttpApi.Reply reply = http.get(ServiceUnderTest.url(path));
            assertTrue(
                    reply.status() == 400 || reply.status() == 404,
                    path + ": " + reply.status() + " " + reply.body());
            assertFalse(
                    INTERNALS.matcher(reply.body()).find(),
                    path + " reveals internals: " + reply.body());
            assertTrue(reply.header("$WSEP").isEmpty(), path + ": no $WSEP header");
            assertTrue(reply.header("X-Powered-By").isEmpty(), path + ": no X-Powered-By");
        }
    }

    @Test
    void underAnApplicationTheContainersRefusalIsTheEnvelope() {
        HttpApi.Reply reply = http.get(ServiceUnderTest.url("/api/users/x/..%2f..%2fmetrics"));
        assertEquals(400, reply.status(), reply.body());
        assertTrue(
                reply.header("Content-Type").orElse("").startsWith("application/json"),
                reply.headers().map().toString());
        assertEquals(
                "Bad Request",
                reply.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }

    @Test
    void apiAnswersAreNeitherSniffedNorCached() {
        for (String path : List.of("/api/users/currentuser", "/probe/errors/missing-thing")) {
            HttpApi.Reply reply = http.get(ServiceUnderTest.url(path));
            assertEquals("nosniff", reply.header("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-store", reply.header("Cache-Control").orElse(""), path);
            assertEquals("no-referrer", reply.header("Referrer-Policy").orElse(""), path);
            assertTrue(
                    reply.header("Strict-Transport-Security").isEmpty(),
                    path + ": no HSTS over plain HTTP");
        }
    }
}
