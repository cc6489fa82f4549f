package dev.ticketing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.UUID;

/**
 * Signed-in users for the tests: real accounts of the auth-service under test (beside a service, or
 * in the platform), signed up over HTTP with a random email.
 */
public final class Sessions {
    private static final HttpApi HTTP = new HttpApi();

    private Sessions() {}

    /** A signed-in user: their id and the Cookie header value that carries their session. */
    public record User(String id, String cookie) {
        /** The header name and value to pass to {@link HttpApi} calls. */
        public String[] auth() {
            return new String[] {"Cookie", cookie};
        }
    }

    public static User signUp() {
        return signUpAt(ServiceUnderTest.baseUrl());
    }

    /** A user of the platform at {@code baseUrl} (a server copy of a fault test, say). */
    public static User signUpAt(java.net.URI baseUrl) {
        String email = "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        HttpApi.Reply reply =
                HTTP.post(
                        java.net.URI.create(baseUrl + "/api/users/signup"),
                        Json.createObjectBuilder()
                                .add("email", email)
                                .add("password", "s3cret-pass")
                                .build()
                                .toString());
        assertEquals(201, reply.status(), reply.body());
        String setCookie =
                reply.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no session cookie: " + reply.headers().map()));
        return new User(
                reply.json().getString("id"), setCookie.substring(0, setCookie.indexOf(';')));
    }
}
