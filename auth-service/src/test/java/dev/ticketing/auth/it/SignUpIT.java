package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.PASSWORD;
import static dev.ticketing.auth.it.Users.assertErrors;
import static dev.ticketing.auth.it.Users.error;
import static dev.ticketing.auth.it.Users.fieldError;
import static dev.ticketing.auth.it.Users.post;
import static dev.ticketing.auth.it.Users.signUp;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/users/signup: every row and message of docs/api.md, and the cookie it sets. */
class SignUpIT {

    @Test
    void createsTheAccountAndSignsItIn() {
        String email = uniqueEmail();
        HttpApi.Reply reply = signUp(email, PASSWORD);

        assertEquals(201, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"));
        JsonObject user = reply.json();
        assertEquals(email, user.getString("email"));
        assertFalse(user.getString("id").isBlank());
        assertEquals(2, user.size(), "only id and email: " + reply.body());
        String cookie = Users.sessionCookie(reply);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertTrue(cookie.contains("; Path=/;") || cookie.endsWith("; Path=/"), cookie);
        assertFalse(
                cookie.contains("Secure"), "plain HTTP without a proxy saying https: " + cookie);
    }

    @Test
    void cookieIsSecureBehindATlsTerminatingProxy() {
        HttpApi.Reply reply = signUp(uniqueEmail(), PASSWORD, "X-Forwarded-Proto", "https");
        assertEquals(201, reply.status(), reply.body());
        assertTrue(Users.sessionCookie(reply).contains("; Secure"), Users.sessionCookie(reply));
    }

    @Test
    void emailsAreCaseInsensitiveAndReturnedLowerCased() {
        String email = uniqueEmail();
        HttpApi.Reply first = signUp(email.toUpperCase(java.util.Locale.ROOT), PASSWORD);
        assertEquals(201, first.status(), first.body());
        assertEquals(email, first.json().getString("email"));

        assertErrors(signUp(email, PASSWORD), 400, error("Email in use"));
        assertErrors(
                signUp(
                        email.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                                + email.substring(1),
                        PASSWORD),
                400,
                error("Email in use"));
    }

    @Test
    void aSecondSignUpWithTheSameEmailIsRefused() {
        String email = uniqueEmail();
        assertEquals(201, signUp(email, PASSWORD).status());
        assertErrors(signUp(email, "another-one"), 400, error("Email in use"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "not-an-email",
                "a@b",
                "@example.test",
                "two@@example.test",
                "sp ace@example.test"
            })
    void refusesAnInvalidEmail(String email) {
        assertErrors(signUp(email, PASSWORD), 400, fieldError("email", "Email must be valid"));
    }

    @Test
    void refusesAnEmailLongerThanAnyAddress() {
        String local = "a".repeat(64);
        String tooLong =
                local
                        + "@"
                        + "b".repeat(63)
                        + "."
                        + "c".repeat(63)
                        + "."
                        + "d".repeat(63)
                        + ".test";
        assertTrue(tooLong.length() > 254, "longer than RFC 5321 allows");
        assertErrors(signUp(tooLong, PASSWORD), 400, fieldError("email", "Email must be valid"));
    }

    @Test
    void refusesAMissingEmail() {
        assertErrors(
                post("signup", "{\"password\":\"" + PASSWORD + "\"}"),
                400,
                fieldError("email", "Email must be valid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1234", "   x7$kQ2   ", "                ", "x7$kQ2v"})
    void refusesAPasswordShorterThanEightCharactersAfterTrimming(String password) {
        assertErrors(
                signUp(uniqueEmail(), password),
                400,
                fieldError("password", "Password must be between 8 and 128 characters"));
    }

    @Test
    void refusesAPasswordLongerThan128Characters() {
        assertErrors(
                signUp(uniqueEmail(), "x7$kQ2vB".repeat(16) + "!"),
                400,
                fieldError("password", "Password must be between 8 and 128 characters"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "12345678",
                "qwertyuiop",
                "Password1",
                "iloveyou",
                "  sunshine  ",
                "PASSWORD"
            })
    void refusesACommonlyUsedPassword(String password) {
        assertErrors(
                signUp(uniqueEmail(), password),
                400,
                fieldError(
                        "password", "Password is too common: choose one that is harder to guess"));
    }

    @Test
    void refusesAMissingPassword() {
        assertErrors(
                post("signup", "{\"email\":\"" + uniqueEmail() + "\"}"),
                400,
                fieldError("password", "Password must be between 8 and 128 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x7$kQ2vB", "  x7$kQ2vB  ", "correct horse battery staple"})
    void acceptsEightCharactersOrMoreAfterTrimmingThatAreNotCommon(String password) {
        HttpApi.Reply reply = signUp(uniqueEmail(), password);
        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    void reportsEveryFailedRule() {
        HttpApi.Reply reply = signUp("nope", "x");
        assertErrors(
                reply,
                400,
                Json.createArrayBuilder()
                        .add(
                                Json.createObjectBuilder()
                                        .add("message", "Email must be valid")
                                        .add("field", "email"))
                        .add(
                                Json.createObjectBuilder()
                                        .add(
                                                "message",
                                                "Password must be between 8 and 128 characters")
                                        .add("field", "password"))
                        .build());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"email\":",
                "not json",
                "{\"email\":[1],\"password\":\"abcd\"}",
                "{\"email\":{\"a\":1},\"password\":\"abcd\"}",
                "{\"email\":\"a@example.test\",\"password\":{}}",
                "[]",
                "\"text\"",
                "42"
            })
    void malformedJsonOrWrongTypesAreA400(String body) {
        HttpApi.Reply reply = post("signup", body);
        assertEquals(400, reply.status(), body + " -> " + reply.body());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(reply.json().getJsonArray("errors").isEmpty(), reply.body());
    }

    @Test
    void anEmptyBodyIsA400() {
        HttpApi.Reply reply = post("signup", "");
        assertEquals(400, reply.status(), reply.body());
        assertFalse(reply.json().getJsonArray("errors").isEmpty(), reply.body());
    }

    @Test
    void aNullBodyIsA400() {
        HttpApi.Reply reply = post("signup", "null");
        assertEquals(400, reply.status(), reply.body());
        assertFalse(reply.json().getJsonArray("errors").isEmpty(), reply.body());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedInTheEnvelope() {
        HttpApi.Reply reply =
                Users.HTTP.send(
                        HttpRequest.newBuilder(ServiceUnderTest.url("/api/users/signup"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("email=a@example.test")));
        assertEquals(415, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/json"));
    }
}
