package dev.ticketing.auth.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.auth.api.SignInRequest;
import dev.ticketing.auth.api.SignUpRequest;
import dev.ticketing.auth.api.UserResponse;
import dev.ticketing.auth.api.UsersApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.ApiClients.Refusal;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The account routes through a typed client of {@link UsersApi}, the interface UsersResource serves
 * (MicroShed Testing against the server the build started): a visitor signs up, is signed in by the
 * cookie, signs in again, and every refusal carries the whole error envelope of docs/api.md. Each
 * client comes from an address of its own, so the per-address throttles of other tests never count
 * against it.
 */
@MicroShedTest
public class UsersClientIT {
    private static final String PASSWORD = "x7$kQ2vB-typed";

    private static UsersApi fromSomewhere(String... headers) {
        String[] all = new String[headers.length + 2];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "X-Forwarded-For";
        all[headers.length + 1] = Users.uniqueAddress();
        return ApiClients.withHeaders(UsersApi.class, all);
    }

    @Test
    void aVisitorSignsUpIsSignedInAndSignsInAgain() {
        String email = Users.uniqueEmail();
        Response created = fromSomewhere().signUp(new SignUpRequest(email, PASSWORD), null);
        assertEquals(201, created.getStatus());
        UserResponse user = created.readEntity(UserResponse.class);
        assertEquals(email, user.email());
        String session =
                created.getStringHeaders().get("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(created.getStringHeaders()));
        assertTrue(session.contains("HttpOnly"), session);
        String cookie = session.substring(0, session.indexOf(';'));

        JsonObject current = fromSomewhere("Cookie", cookie).currentUser(null);
        assertEquals(user.id(), current.getJsonObject("currentUser").getString("id"));
        assertEquals(email, current.getJsonObject("currentUser").getString("email"));
        assertEquals(
                JsonValue.NULL, fromSomewhere().currentUser(null).get("currentUser"), "anonymous");

        Response signedIn = fromSomewhere().signIn(new SignInRequest(email, PASSWORD), null);
        assertEquals(200, signedIn.getStatus());
        assertEquals(user, signedIn.readEntity(UserResponse.class));
    }

    @Test
    void refusalsCarryTheWholeErrorEnvelope() {
        String email = Users.uniqueEmail();
        assertEquals(
                201, fromSomewhere().signUp(new SignUpRequest(email, PASSWORD), null).getStatus());

        assertRefused(
                refusal(() -> fromSomewhere().signUp(new SignUpRequest(email, PASSWORD), null)),
                error("Email in use", null));
        assertRefused(
                refusal(
                        () ->
                                fromSomewhere()
                                        .signIn(new SignInRequest(email, "wrong-password"), null)),
                error("Invalid credentials", null));
        assertRefused(
                refusal(
                        () ->
                                fromSomewhere()
                                        .signUp(
                                                new SignUpRequest(Users.uniqueEmail(), null),
                                                null)),
                error("Password must be between 8 and 128 characters", "password"));
    }

    private static void assertRefused(Refusal refusal, JsonObject body) {
        assertEquals(400, refusal.status(), refusal.toString());
        assertTrue(refusal.contentType().startsWith("application/json"), refusal.toString());
        assertEquals(body, refusal.body());
    }
}
