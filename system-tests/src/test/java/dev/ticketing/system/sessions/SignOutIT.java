package dev.ticketing.system.sessions;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.Sessions;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Signing out revokes the session in every service (docs/api.md, "Sessions"): the token, copied
 * before sign-out, is refused by auth-service at once and by catalog, order and payment as soon as
 * they read session.revoked. Before: the token stayed valid for its whole 8 hours, and it had no
 * session id.
 */
class SignOutIT {
    private final HttpApi http = new HttpApi();

    @Test
    void aSignedOutTokenIsRefusedEverywhere() {
        Sessions.User user = Sessions.signUp();
        String token = user.cookie().substring("session=".length());
        assertTrue(token.split("\\.").length == 3, "a JWT");
        String[] bearer = {"Authorization", "Bearer " + token};
        assertEquals(200, http.get(ServiceUnderTest.url("/api/orders"), user.auth()).status());
        assertEquals(200, http.get(ServiceUnderTest.url("/api/orders"), bearer).status());

        HttpApi.Reply out = http.post(ServiceUnderTest.url("/api/users/signout"), "", user.auth());
        assertEquals(200, out.status(), out.body());

        // auth-service knows at once.
        assertEquals(
                JsonValue.NULL,
                http.get(ServiceUnderTest.url("/api/users/currentuser"), user.auth())
                        .json()
                        .get("currentUser"));
        assertEquals(
                JsonValue.NULL,
                http.get(ServiceUnderTest.url("/api/users/currentuser"), bearer)
                        .json()
                        .get("currentUser"));
        // The others as soon as session.revoked reaches them: every route that takes a token
        // refuses it.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            assertRefused(
                                    http.get(ServiceUnderTest.url("/api/orders"), user.auth()));
                            assertRefused(http.get(ServiceUnderTest.url("/api/orders"), bearer));
                            assertRefused(
                                    http.post(
                                            ServiceUnderTest.url("/api/tickets"),
                                            "{\"title\":\"After sign-out\",\"price\":10}",
                                            user.auth()));
                            assertRefused(
                                    http.post(
                                            ServiceUnderTest.url("/api/payments"),
                                            "{\"orderId\":\"000000000000000000000000\",\"token\":\"tok_visa\"}",
                                            bearer));
                        });
        // Another session (a fresh sign-up) is not affected.
        Sessions.User again = Sessions.signUp();
        assertEquals(200, http.get(ServiceUnderTest.url("/api/orders"), again.auth()).status());
    }

    private static void assertRefused(HttpApi.Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertEquals(
                "Not authorized",
                reply.json().getJsonArray("errors").getJsonObject(0).getString("message"));
    }
}
