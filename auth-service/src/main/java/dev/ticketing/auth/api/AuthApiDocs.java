package dev.ticketing.auth.api;

import static dev.ticketing.auth.api.OpenApiExamples.CREDENTIALS;
import static dev.ticketing.auth.api.OpenApiExamples.CREDENTIALS_INVALID;
import static dev.ticketing.auth.api.OpenApiExamples.CURRENT_USER;
import static dev.ticketing.auth.api.OpenApiExamples.EMAIL_INVALID;
import static dev.ticketing.auth.api.OpenApiExamples.EMAIL_IN_USE_ERROR;
import static dev.ticketing.auth.api.OpenApiExamples.EVERY_RULE;
import static dev.ticketing.auth.api.OpenApiExamples.PASSWORD_COMMON;
import static dev.ticketing.auth.api.OpenApiExamples.PASSWORD_LENGTH;
import static dev.ticketing.auth.api.OpenApiExamples.PASSWORD_MISSING;
import static dev.ticketing.auth.api.OpenApiExamples.THROTTLED;
import static dev.ticketing.auth.api.OpenApiExamples.USER;
import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;

import dev.ticketing.common.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** What the account routes take and answer (docs/api.md, auth-service), named for the routes. */
public class AuthApiDocs extends ApiDocs {
    static final String NEW_ACCOUNT = "NewAccount";
    static final String SIGNED_UP = "SignedUp";
    static final String SIGN_UP_REFUSED = "SignUpRefused";
    static final String SIGN_UPS_THROTTLED = "SignUpsThrottled";
    static final String CREDENTIALS_BODY = "Credentials";
    static final String SIGNED_IN = "SignedIn";
    static final String SIGN_IN_REFUSED = "SignInRefused";
    static final String SIGN_INS_THROTTLED = "SignInsThrottled";
    static final String SIGNED_OUT = "SignedOut";
    static final String CURRENT = "CurrentUserShown";

    private static final String SESSION_COOKIE =
            "session=<RS256 JWT>; Path=/; Max-Age=28800; HttpOnly; SameSite=Lax (; Secure over HTTPS)";

    public AuthApiDocs() {
        super("auth-service", "Accounts and sessions: sign up, sign in, sign out, current user.");
    }

    @Override
    protected void describe(Components components) {
        components
                .addRequestBody(
                        NEW_ACCOUNT,
                        body(schema(SignUpRequest.class), example("new account", CREDENTIALS)))
                .addResponse(
                        SIGNED_UP,
                        withSessionCookie(user("Signed up and signed in"), SESSION_COOKIE))
                .addResponse(
                        SIGN_UP_REFUSED,
                        error(
                                "Invalid input, or the email already has an account",
                                example("invalid email", EMAIL_INVALID),
                                example("invalid password", PASSWORD_LENGTH),
                                example("common password", PASSWORD_COMMON),
                                example("every failed rule", EVERY_RULE),
                                example("email in use", EMAIL_IN_USE_ERROR),
                                example("malformed JSON", MALFORMED_JSON)))
                .addResponse(
                        SIGN_UPS_THROTTLED,
                        throttled(
                                "Too many sign-ups from this address lately; retry after the"
                                        + " Retry-After seconds"))
                .addRequestBody(
                        CREDENTIALS_BODY,
                        body(schema(SignInRequest.class), example("credentials", CREDENTIALS)))
                .addResponse(SIGNED_IN, withSessionCookie(user("Signed in"), SESSION_COOKIE))
                .addResponse(
                        SIGN_IN_REFUSED,
                        error(
                                "Invalid input, or wrong email or password (one message for both)",
                                example("invalid email", EMAIL_INVALID),
                                example("no password", PASSWORD_MISSING),
                                example("invalid credentials", CREDENTIALS_INVALID),
                                example("malformed JSON", MALFORMED_JSON)))
                .addResponse(
                        SIGN_INS_THROTTLED,
                        throttled(
                                "This address failed too often lately; retry after the Retry-After"
                                        + " seconds"))
                .addResponse(
                        SIGNED_OUT,
                        withSessionCookie(
                                reply("Signed out", null, example("empty", "{}")),
                                "session=; Path=/; Max-Age=0; ..."))
                .addResponse(
                        CURRENT,
                        reply(
                                "The signed-in user, or null",
                                schema(CurrentUserResponse.class),
                                example("signed in", CURRENT_USER),
                                example("anonymous", "{\"currentUser\":null}")));
    }

    private static APIResponse user(String description) {
        return reply(description, schema(UserResponse.class), example("user", USER));
    }

    private static APIResponse withSessionCookie(APIResponse response, String cookie) {
        return response.addHeader("Set-Cookie", header(cookie, SchemaType.STRING));
    }

    private static APIResponse throttled(String description) {
        return error(description, example("throttled", THROTTLED))
                .addHeader(
                        "Retry-After", header("Seconds before the next try", SchemaType.INTEGER));
    }
}
