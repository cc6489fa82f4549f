package dev.ticketing.it.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens against a route protected the way every service protects its routes
 * (fragments/jwt-verify.xml, {@code @RolesAllowed("user")}): a genuine one from auth-service is
 * accepted as a cookie and as a Bearer header; every forged one is a 401 in the API's envelope, and
 * auth-service's currentuser treats it as anonymous. Forgeries signed with the real key differ from
 * a genuine token in one claim only; that the unmodified forgery is accepted proves the signer is
 * right.
 */
class ForgedTokensIT {
    private static final HttpApi HTTP = new HttpApi();
    private static final String NOT_AUTHORIZED = "{\"errors\":[{\"message\":\"Not authorized\"}]}";
    private static final Path KEYSTORE =
            Path.of("target/liberty/usr/servers/liberty-it/data/keys/jwt-signing.p12");

    private static String email;
    private static String userId;
    private static String genuine;
    private static JsonObject genuineHeader;
    private static JsonObject genuineClaims;
    private static Jws.RealKey realKey;

    @BeforeAll
    static void signUpAndLoadTheRealKey() throws Exception {
        // Liberty reports the server ready before every application has started: wait for
        // auth-service.
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () ->
                                HTTP.get(ServiceUnderTest.url("/api/users/currentuser")).status()
                                        == 200);
        email = "probe-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        HttpApi.Reply reply =
                HTTP.post(
                        ServiceUnderTest.url("/api/users/signup"),
                        "{\"email\":\"" + email + "\",\"password\":\"probe-pass\"}");
        assertEquals(201, reply.status(), reply.body());
        userId = reply.json().getString("id");
        String cookie =
                reply.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst()
                        .orElseThrow();
        genuine = cookie.substring("session=".length(), cookie.indexOf(';'));
        genuineHeader = Jws.decode(genuine, 0);
        genuineClaims = Jws.decode(genuine, 1);
        assertTrue(
                Files.exists(KEYSTORE),
                "the server's generated keystore " + KEYSTORE.toAbsolutePath());
        realKey = Jws.RealKey.load(KEYSTORE, "ticketing-local-keys", "default");
    }

    private static HttpApi.Reply me(String... headers) {
        return HTTP.get(ServiceUnderTest.url("/probe/secured/me"), headers);
    }

    private static void assertAccepted(String token) {
        for (HttpApi.Reply reply :
                new HttpApi.Reply[] {
                    me("Cookie", "session=" + token), me("Authorization", "Bearer " + token)
                }) {
            assertEquals(200, reply.status(), reply.body());
            assertEquals(userId, reply.json().getString("sub"));
            assertEquals(email, reply.json().getString("upn"));
        }
    }

    /**
     * 401 with exactly the envelope, as a cookie and as a Bearer header; currentuser says
     * anonymous.
     */
    private static void assertRejected(String token) {
        assertNotAuthorized(me("Cookie", "session=" + token));
        assertNotAuthorized(me("Authorization", "Bearer " + token));
        for (HttpApi.Reply reply :
                new HttpApi.Reply[] {
                    HTTP.get(
                            ServiceUnderTest.url("/api/users/currentuser"),
                            "Cookie",
                            "session=" + token),
                    HTTP.get(
                            ServiceUnderTest.url("/api/users/currentuser"),
                            "Authorization",
                            "Bearer " + token)
                }) {
            assertEquals(200, reply.status(), reply.body());
            assertEquals(JsonValue.NULL, reply.json().get("currentUser"), reply.body());
        }
    }

    static void assertNotAuthorized(HttpApi.Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertTrue(
                reply.header("Content-Type").orElse("").startsWith("application/json"),
                reply.headers().map().toString());
        assertEquals(NOT_AUTHORIZED, reply.body());
    }

    /**
     * The genuine claims with fresh iat/exp, changed by {@code change}, signed RS256 with {@code
     * key}.
     */
    private static String realKeyToken(Consumer<JsonObjectBuilder> change) throws Exception {
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder claims =
                Json.createObjectBuilder(genuineClaims).add("iat", now).add("exp", now + 600);
        change.accept(claims);
        return Jws.rs256(genuineHeader, claims.build(), realKey.privateKey());
    }

    @Test
    void aGenuineTokenIsAcceptedAsCookieAndAsBearer() {
        assertAccepted(genuine);
    }

    @Test
    void ourSignerWithTheRealKeyIsAcceptedSoTheForgeriesBelowFailForTheirOneDifference()
            throws Exception {
        assertAccepted(realKeyToken(c -> {}));
    }

    @Test
    void noTokenIsA401() {
        assertNotAuthorized(me());
        assertNotAuthorized(me("Cookie", "other=1"));
    }

    @Test
    void garbageIsRejected() {
        assertRejected("garbage");
        assertRejected("a.b.c");
    }

    @Test
    void aTamperedPayloadIsRejected() {
        String[] parts = genuine.split("\\.");
        JsonObject claims =
                Json.createObjectBuilder(genuineClaims).add("sub", "someone-else").build();
        assertRejected(parts[0] + "." + Jws.b64(claims.toString()) + "." + parts[2]);
    }

    @Test
    void aTamperedSignatureIsRejected() {
        String[] parts = genuine.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        assertRejected(parts[0] + "." + parts[1] + "." + new String(signature));
    }

    @Test
    void anUnsignedTokenIsRejected() {
        assertRejected(Jws.unsigned(genuineClaims));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() throws Exception {
        assertRejected(Jws.rs256(genuineHeader, genuineClaims, Jws.otherKey()));
        JsonObject noKid = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        assertRejected(Jws.rs256(noKid, genuineClaims, Jws.otherKey()));
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRejected() throws Exception {
        JsonObject hs = Json.createObjectBuilder(genuineHeader).add("alg", "HS256").build();
        assertRejected(Jws.hs256(hs, genuineClaims, realKey.publicKey().getEncoded()));
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertRejected(realKeyToken(c -> c.add("iat", now - 7200).add("exp", now - 600)));
    }

    @Test
    void aTokenForAnotherIssuerIsRejected() throws Exception {
        assertRejected(realKeyToken(c -> c.add("iss", "https://evil.example/auth")));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() throws Exception {
        assertRejected(realKeyToken(c -> c.add("aud", "another-app")));
    }

    @Test
    void aTokenWithoutTheUserGroupIsNotAuthorized() throws Exception {
        String guest = realKeyToken(c -> c.add("groups", Json.createArrayBuilder().add("guest")));
        assertNotAuthorized(me("Cookie", "session=" + guest));
        assertNotAuthorized(me("Authorization", "Bearer " + guest));
    }

    @Test
    void aRoleTheTokenLacksIsNotAuthorizedInTheEnvelope() {
        assertNotAuthorized(
                HTTP.get(
                        ServiceUnderTest.url("/probe/secured/admin"),
                        "Cookie",
                        "session=" + genuine));
    }

    @Test
    void aBearerHeaderWinsOverACookie() {
        assertNotAuthorized(me("Authorization", "Bearer garbage", "Cookie", "session=" + genuine));
        assertEquals(
                200,
                me("Authorization", "Bearer " + genuine, "Cookie", "session=garbage").status());
    }

    @Test
    void aBadCookieOnAPublicRouteIsJustAnonymous() {
        HttpApi.Reply reply =
                HTTP.get(
                        ServiceUnderTest.url("/probe/secured/public"), "Cookie", "session=garbage");
        assertEquals(200, reply.status(), reply.body());
    }
}
