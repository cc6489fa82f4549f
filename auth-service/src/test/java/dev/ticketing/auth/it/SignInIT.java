package dev.ticketing.auth.it;

import static dev.ticketing.auth.it.Users.PASSWORD;
import static dev.ticketing.auth.it.Users.assertErrors;
import static dev.ticketing.auth.it.Users.error;
import static dev.ticketing.auth.it.Users.fieldError;
import static dev.ticketing.auth.it.Users.post;
import static dev.ticketing.auth.it.Users.signIn;
import static dev.ticketing.auth.it.Users.signUp;
import static dev.ticketing.auth.it.Users.uniqueAddress;
import static dev.ticketing.auth.it.Users.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POST /api/users/signin: every row and message of docs/api.md. Each test signs in from its own
 * address.
 */
class SignInIT {
    private final String address = uniqueAddress();

    @Test
    void signsInWithTheRightPasswordAndSetsTheCookie() {
        String email = uniqueEmail();
        String id = signUp(email, PASSWORD).json().getString("id");

        HttpApi.Reply reply = signIn(email, PASSWORD, "X-Forwarded-For", address);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(id, reply.json().getString("id"));
        assertEquals(email, reply.json().getString("email"));
        assertEquals(2, reply.json().size(), reply.body());
        String cookie = Users.sessionCookie(reply);
        assertTrue(
                cookie.contains("; HttpOnly")
                        && cookie.contains("; SameSite=Lax")
                        && cookie.contains("; Path=/"),
                cookie);
        assertFalse(cookie.contains("Secure"), cookie);
    }

    @Test
    void theCookieIsSecureWhenTheProxySaysHttps() {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        HttpApi.Reply reply =
                signIn(email, PASSWORD, "X-Forwarded-For", address, "X-Forwarded-Proto", "https");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(Users.sessionCookie(reply).contains("; Secure"), Users.sessionCookie(reply));
    }

    @Test
    void emailCaseDoesNotMatter() {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        HttpApi.Reply reply =
                signIn(email.toUpperCase(Locale.ROOT), PASSWORD, "X-Forwarded-For", address);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(email, reply.json().getString("email"));
    }

    @Test
    void surroundingWhitespaceIsNotPartOfThePassword() {
        String email = uniqueEmail();
        signUp(email, "  " + PASSWORD + "  ");
        assertEquals(200, signIn(email, PASSWORD, "X-Forwarded-For", address).status());
        assertEquals(
                200, signIn(email, " " + PASSWORD + "\t", "X-Forwarded-For", address).status());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail();
        signUp(email, PASSWORD);
        HttpApi.Reply wrongPassword = signIn(email, PASSWORD + "x", "X-Forwarded-For", address);
        HttpApi.Reply unknownEmail =
                signIn(uniqueEmail(), PASSWORD, "X-Forwarded-For", uniqueAddress());

        assertErrors(wrongPassword, 400, error("Invalid credentials"));
        assertErrors(unknownEmail, 400, error("Invalid credentials"));
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertTrue(wrongPassword.headers("Set-Cookie").isEmpty(), "no cookie for a failed sign-in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "a@b", "x@@example.test"})
    void refusesAnInvalidEmail(String email) {
        assertErrors(
                signIn(email, PASSWORD, "X-Forwarded-For", address),
                400,
                fieldError("email", "Email must be valid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void refusesAnEmptyPassword(String password) {
        assertErrors(
                signIn(uniqueEmail(), password, "X-Forwarded-For", address),
                400,
                fieldError("password", "You must supply a password"));
    }

    @Test
    void refusesAMissingPassword() {
        assertErrors(
                post("signin", "{\"email\":\"" + uniqueEmail() + "\"}", "X-Forwarded-For", address),
                400,
                fieldError("password", "You must supply a password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "", "null", "[1]", "{\"email\":true,\"password\":[\"x\"]}"})
    void malformedJsonOrWrongTypesAreA400(String body) {
        HttpApi.Reply reply = post("signin", body, "X-Forwarded-For", address);
        assertEquals(400, reply.status(), body + " -> " + reply.body());
        assertFalse(reply.json().getJsonArray("errors").isEmpty(), reply.body());
    }
}
