package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.PASSWORD;
import static dev.ticketing.auth.it.Users.currentUser;
import static dev.ticketing.auth.it.Users.jwtPart;
import static dev.ticketing.auth.it.Users.signOut;
import static dev.ticketing.auth.it.Users.signUp;
import static dev.ticketing.auth.it.Users.signedUpToken;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.SessionRevoked;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sign-out, current user, and the token itself (claims, signature key published as JWKS). */
class SessionIT {

    @Test
    void currentUserIsNullWithoutACookie() {
        HttpApi.Reply reply = currentUser();
        assertEquals(200, reply.status(), reply.body());
        assertEquals("{\"currentUser\":null}", reply.body().replace(" ", ""));
    }

    @Test
    void currentUserIsTheSignedInUser() {
        String email = uniqueEmail();
        HttpApi.Reply signedUp = signUp(email, PASSWORD);
        String token = Users.sessionToken(signedUp);

        HttpApi.Reply reply = currentUser("Cookie", "session=" + token);

        assertEquals(200, reply.status(), reply.body());
        JsonObject user = reply.json().getJsonObject("currentUser");
        assertEquals(signedUp.json().getString("id"), user.getString("id"));
        assertEquals(email, user.getString("email"));
        long iat = user.getJsonNumber("iat").longValue();
        assertTrue(Math.abs(Instant.now().getEpochSecond() - iat) < 120, "iat " + iat);
    }

    @Test
    void aBearerTokenWorksToo() {
        String email = uniqueEmail();
        String token = signedUpToken(email);
        HttpApi.Reply reply = currentUser("Authorization", "Bearer " + token);
        assertEquals(
                email, reply.json().getJsonObject("currentUser").getString("email"), reply.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "", "%%%"})
    void aBadCookieIsAnonymousNotAnError(String value) {
        HttpApi.Reply reply = currentUser("Cookie", "session=" + value);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(Users.isNull(reply.json(), "currentUser"), reply.body());
    }

    @Test
    void aTamperedTokenIsAnonymous() {
        String token = signedUpToken(uniqueEmail());
        String[] parts = token.split("\\.");
        JsonObject claims = jwtPart(token, 1);
        String forged =
                Json.createObjectBuilder(claims)
                        .add("upn", "admin@example.test")
                        .build()
                        .toString();
        String tampered =
                parts[0]
                        + "."
                        + java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        forged.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "."
                        + parts[2];

        HttpApi.Reply reply = currentUser("Cookie", "session=" + tampered);
        assertTrue(Users.isNull(reply.json(), "currentUser"), reply.body());
        HttpApi.Reply bearer = currentUser("Authorization", "Bearer " + tampered);
        assertTrue(Users.isNull(bearer.json(), "currentUser"), bearer.body());
    }

    @Test
    void signOutExpiresTheCookie() {
        String token = signedUpToken(uniqueEmail());
        HttpApi.Reply reply = signOut("Cookie", "session=" + token);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, reply.json());
        String cookie = Users.sessionCookie(reply);
        assertTrue(cookie.startsWith("session=;"), cookie);
        assertTrue(cookie.contains("Max-Age=0"), cookie);
        assertTrue(
                cookie.contains("; Path=/")
                        && cookie.contains("; HttpOnly")
                        && cookie.contains("; SameSite=Lax"),
                cookie);
    }

    /**
     * Sign-out revokes the session (docs/api.md, "Sessions"): the token, kept by whoever copied it,
     * is anonymous here at once, by cookie and by Bearer, and session.revoked tells every other
     * service (with the token's sid and expiry). Before: the token stayed valid for 8 hours.
     */
    @Test
    void signOutRevokesTheTokenAndTellsTheOtherServices() {
        String token = signedUpToken(uniqueEmail());
        assertTrue(
                currentUser("Cookie", "session=" + token).json().get("currentUser")
                        instanceof JsonObject);
        String sessionId = jwtPart(token, 1).getString("sid");

        assertEquals(200, signOut("Cookie", "session=" + token).status());
        assertEquals(
                JsonValue.NULL,
                currentUser("Cookie", "session=" + token).json().get("currentUser"));
        assertEquals(
                JsonValue.NULL,
                currentUser("Authorization", "Bearer " + token).json().get("currentUser"));
        assertEquals(
                200,
                signOut("Authorization", "Bearer " + token).status(),
                "a second sign-out changes nothing");

        try (Bus bus = Bus.ofServerUnderTest()) {
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    assertTrue(
                                            bus.messages("session.revoked").stream()
                                                    .anyMatch(
                                                            m ->
                                                                    m.json()
                                                                            .contains(
                                                                                    "\"" + sessionId
                                                                                            + "\"")),
                                            "sid "
                                                    + sessionId
                                                    + " in "
                                                    + bus.messages("session.revoked")));
            List<Bus.Stored> revocations =
                    bus.messages("session.revoked").stream()
                            .filter(m -> m.json().contains("\"" + sessionId + "\""))
                            .toList();
            assertEquals(1, revocations.size(), "one event, however often signed out");
            SessionRevoked revoked =
                    Events.fromJson(revocations.get(0).json(), SessionRevoked.class).data();
            assertEquals(
                    Instant.ofEpochSecond(jwtPart(token, 1).getJsonNumber("exp").longValue()),
                    revoked.expiresAt());
        }
    }

    @Test
    void everySessionHasItsOwnId() {
        String email = uniqueEmail();
        String first = signedUpToken(email);
        String second = Users.sessionToken(Users.signIn(email, PASSWORD));
        assertTrue(!jwtPart(first, 1).getString("sid").equals(jwtPart(second, 1).getString("sid")));
        assertEquals(200, signOut("Cookie", "session=" + first).status());
        assertTrue(
                currentUser("Cookie", "session=" + second).json().get("currentUser")
                        instanceof JsonObject,
                "signing out one session leaves the user's other sessions alone");
    }

    @Test
    void signOutWithoutASessionStillSucceeds() {
        HttpApi.Reply reply = signOut();
        assertEquals(200, reply.status(), reply.body());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, reply.json());
    }

    @Test
    void theTokenCarriesTheContractsClaims() {
        String email = uniqueEmail();
        HttpApi.Reply signedUp = signUp(email, PASSWORD);
        String token = Users.sessionToken(signedUp);

        JsonObject header = jwtPart(token, 0);
        JsonObject claims = jwtPart(token, 1);
        assertEquals("RS256", header.getString("alg"));
        assertEquals(signedUp.json().getString("id"), claims.getString("sub"));
        assertEquals(email, claims.getString("upn"));
        assertEquals(Json.createArrayBuilder().add("user").build(), claims.getJsonArray("groups"));
        assertEquals("https://ticketing.local/auth", claims.getString("iss"));
        String aud =
                claims.get("aud").getValueType() == JsonValue.ValueType.ARRAY
                        ? claims.getJsonArray("aud").getString(0)
                        : claims.getString("aud");
        assertEquals("ticketing", aud);
        long lifetime =
                claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
        assertEquals(8 * 3600, lifetime, "default session lifetime");
        String cookie = Users.sessionCookie(signedUp);
        long maxAge = Long.parseLong(cookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertTrue(
                maxAge > lifetime - 120 && maxAge <= lifetime,
                "cookie lives as long as the token: " + cookie);
    }

    @Test
    void theSigningKeyIsPublishedAsJwks() {
        String token = signedUpToken(uniqueEmail());
        String kid = jwtPart(token, 0).getString("kid");

        HttpApi.Reply jwks =
                Users.HTTP.get(ServiceUnderTest.operatorUrl("/jwt/ibm/api/ticketing/jwk"));

        assertEquals(200, jwks.status(), jwks.body());
        JsonObject key =
                jwks.json().getJsonArray("keys").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(k -> kid.equals(k.getString("kid", null)))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("kid " + kid + " not in " + jwks.body()));
        assertEquals("RSA", key.getString("kty"));
        assertTrue(key.containsKey("n") && key.containsKey("e"), jwks.body());
        assertTrue(
                !key.containsKey("d") && !key.containsKey("p"), "no private parts: " + jwks.body());
    }
}
