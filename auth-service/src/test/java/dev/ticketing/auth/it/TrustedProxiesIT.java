package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.PASSWORD;
import static dev.ticketing.auth.it.Users.credentials;
import static dev.ticketing.auth.it.Users.uniqueAddress;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServerCopy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server that trusts no proxy (the default: trusted.proxies "none") ignores X-Forwarded-For, so a
 * client cannot dodge the per-address throttle, or aim it at someone else's address, by sending a
 * different header each time: every try below counts against the connection's real address.
 */
class TrustedProxiesIT {
    private static final int FREE = Integer.getInteger("it.signin.free.failures", 3);

    @Test
    void spoofedForwardedForHeadersAreIgnoredFromAnUntrustedConnection() {
        HttpApi http = new HttpApi();
        try (ServerCopy server =
                new ServerCopy(
                        "untrusted",
                        Map.of("trusted.proxies", "none", "auth.signup.per.address", "100"))) {
            server.start(Map.of());
            String email = uniqueEmail();
            assertEquals(
                    201,
                    http.post(server.url("/api/users/signup"), credentials(email, PASSWORD))
                            .status());
            for (int i = 0; i < FREE; i++) {
                HttpApi.Reply wrong =
                        http.post(
                                server.url("/api/users/signin"),
                                credentials(uniqueEmail(), "guess"),
                                "X-Forwarded-For",
                                uniqueAddress(),
                                "Forwarded",
                                "for=" + uniqueAddress());
                assertEquals(400, wrong.status(), wrong.body());
            }
            // Yet another "address" in the header: the same connection, so the same throttled
            // address.
            HttpApi.Reply spoofed =
                    http.post(
                            server.url("/api/users/signin"),
                            credentials(email, PASSWORD),
                            "X-Forwarded-For",
                            uniqueAddress());
            assertEquals(429, spoofed.status(), spoofed.body());
        }
    }
}
