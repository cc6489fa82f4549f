package dev.ticketing.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.auth.api.SignInRequest;
import dev.ticketing.auth.api.SignUpRequest;
import dev.ticketing.auth.api.UsersApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Calls auth-service's routes like a client, and the small assertions its tests share. */
final class Users {
    static final HttpApi HTTP = new HttpApi();
    static final String PASSWORD = "s3cret-pass";

    private Users() {}

    /** An email no other test uses, obviously fake. */
    static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /** A client address no other test uses (Liberty's remoteIp takes it from X-Forwarded-For). */
    static String uniqueAddress() {
        int n = Math.floorMod(UUID.randomUUID().hashCode(), 250 * 250);
        return "203.0." + (n / 250) + "." + (1 + n % 250);
    }

    static String credentials(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    /**
     * Signs up through a typed client of {@link UsersApi} (MicroShed Testing); the answer as it
     * came over the wire, a refusal included, with its cookies.
     */
    static HttpApi.Reply signUp(String email, String password, String... headers) {
        return ApiClients.reply(
                () ->
                        client(fromSomewhere(headers))
                                .signUp(new SignUpRequest(email, password), null));
    }

    static HttpApi.Reply signIn(String email, String password, String... headers) {
        return ApiClients.reply(
                () ->
                        client(fromSomewhere(headers))
                                .signIn(new SignInRequest(email, password), null));
    }

    private static UsersApi client(String... headers) {
        return ApiClients.withHeaders(UsersApi.class, headers);
    }

    /**
     * A body no typed client would send (malformed JSON, a field of the wrong type, none at all),
     * raw.
     */
    static HttpApi.Reply post(String route, String body, String... headers) {
        return HTTP.post(ServiceUnderTest.url("/api/users/" + route), body, fromSomewhere(headers));
    }

    /**
     * The headers, with an X-Forwarded-For of an address no other request uses unless they name
     * one: the IT server trusts the test client as a proxy, so each request comes from its own
     * address and no test's sign-ups or failures count against another's (the throttles are per
     * address).
     */
    static String[] fromSomewhere(String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("X-Forwarded-For")) {
                return headers;
            }
        }
        String[] with = java.util.Arrays.copyOf(headers, headers.length + 2);
        with[headers.length] = "X-Forwarded-For";
        with[headers.length + 1] = uniqueAddress();
        return with;
    }

    static HttpApi.Reply signOut(String... headers) {
        return ApiClients.reply(() -> client(headers).signOut(null, null));
    }

    /** Raw: the route answers a JSON object, and these tests read its status and headers too. */
    static HttpApi.Reply currentUser(String... headers) {
        return HTTP.get(ServiceUnderTest.url("/api/users/currentuser"), headers);
    }

    /** Signs up a fresh account and returns its session token. */
    static String signedUpToken(String email) {
        HttpApi.Reply reply = signUp(email, PASSWORD);
        assertEquals(201, reply.status(), reply.body());
        return sessionToken(reply);
    }

    /** The Set-Cookie header that sets the session cookie. */
    static String sessionCookie(HttpApi.Reply reply) {
        Optional<String> cookie =
                reply.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst();
        assertTrue(cookie.isPresent(), "no session cookie in " + reply.headers().map());
        return cookie.get();
    }

    static String sessionToken(HttpApi.Reply reply) {
        String cookie = sessionCookie(reply);
        return cookie.substring("session=".length(), cookie.indexOf(';'));
    }

    /** Exactly this error envelope, with Content-Type application/json. */
    static void assertErrors(HttpApi.Reply reply, int status, JsonArray expected) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(
                reply.header("Content-Type").orElse("").startsWith("application/json"),
                reply.headers().map().toString());
        assertEquals(expected, reply.json().getJsonArray("errors"), reply.body());
    }

    static JsonArray error(String message) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("message", message))
                .build();
    }

    static JsonArray fieldError(String field, String message) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("message", message).add("field", field))
                .build();
    }

    /** The JSON of a JWT's header (part 0) or payload (part 1). */
    static JsonObject jwtPart(String token, int part) {
        String json =
                new String(
                        Base64.getUrlDecoder().decode(token.split("\\.")[part]),
                        StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    static boolean isNull(JsonObject object, String key) {
        return object.containsKey(key) && object.get(key) == JsonValue.NULL;
    }
}
