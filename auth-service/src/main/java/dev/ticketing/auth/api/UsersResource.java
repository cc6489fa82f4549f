package dev.ticketing.auth.api;

import dev.ticketing.auth.domain.Account;
import dev.ticketing.auth.domain.Accounts;
import dev.ticketing.auth.domain.EmailAddress;
import dev.ticketing.auth.domain.EmailInUseException;
import dev.ticketing.auth.domain.InvalidCredentialsException;
import dev.ticketing.auth.security.SessionCookies;
import dev.ticketing.auth.security.SessionTokens;
import dev.ticketing.auth.security.SignInGuard;
import dev.ticketing.common.errors.BusinessRuleException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign up, sign in, sign out, current user: the four routes of docs/api.md's auth-service table.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "Accounts and sessions")
public class UsersResource implements UsersApi {
    static final String EMAIL_IN_USE = "Email in use";
    static final String INVALID_CREDENTIALS = "Invalid credentials";

    @Inject Accounts accounts;

    @Inject SessionTokens tokens;

    @Inject SessionCookies cookies;

    @Inject SignInGuard guard;

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sign up",
            description =
                    "Opens an account and signs it in (session cookie). "
                            + "Emails are case-insensitive and returned lower-cased.")
    @RequestBody(ref = AuthApiDocs.NEW_ACCOUNT)
    @APIResponse(responseCode = "429", ref = AuthApiDocs.SIGN_UPS_THROTTLED)
    @APIResponse(responseCode = "201", ref = AuthApiDocs.SIGNED_UP)
    @APIResponse(responseCode = "400", ref = AuthApiDocs.SIGN_UP_REFUSED)
    public Response signUp(SignUpRequest body, @Context HttpServletRequest request) {
        guard.signingUp(request.getRemoteAddr());
        Account account;
        try {
            account = accounts.signUp(body.email(), body.password());
        } catch (EmailInUseException e) {
            throw new BusinessRuleException(EMAIL_IN_USE);
        }
        return signedIn(Response.status(Response.Status.CREATED), account, request);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sign in",
            description =
                    "Checks the credentials and starts a session (cookie). "
                            + "An address that keeps failing waits longer before each next try (429 with Retry-After), also on an "
                            + "account under attack; an address that has not been failing always gets its try.")
    @RequestBody(ref = AuthApiDocs.CREDENTIALS_BODY)
    @APIResponse(responseCode = "200", ref = AuthApiDocs.SIGNED_IN)
    @APIResponse(responseCode = "400", ref = AuthApiDocs.SIGN_IN_REFUSED)
    @APIResponse(responseCode = "429", ref = AuthApiDocs.SIGN_INS_THROTTLED)
    public Response signIn(SignInRequest body, @Context HttpServletRequest request) {
        EmailAddress email = EmailAddress.of(body.email());
        String client = request.getRemoteAddr();
        guard.checkAllowed(email, client);
        Account account;
        try {
            account = accounts.signIn(body.email(), body.password());
        } catch (InvalidCredentialsException e) {
            guard.failed(email, client);
            throw new BusinessRuleException(INVALID_CREDENTIALS);
        }
        guard.succeeded(email, client);
        return signedIn(Response.ok(), account, request);
    }

    @POST
    @Path("signout")
    @Operation(
            summary = "Sign out",
            description =
                    "Revokes the session (its token, from the cookie or an "
                            + "Authorization: Bearer header, is refused by every service from now on) and expires the cookie. "
                            + "Always succeeds.")
    @APIResponse(responseCode = "200", ref = AuthApiDocs.SIGNED_OUT)
    public Response signOut(@Context HttpServletRequest request, @Context HttpHeaders headers) {
        tokens.signOut(presentedToken(headers));
        return Response.ok(JsonValue.EMPTY_JSON_OBJECT)
                .header(HttpHeaders.SET_COOKIE, cookies.expire(request))
                .build();
    }

    @GET
    @Path("currentuser")
    @Operation(
            summary = "Current user",
            description =
                    "Who the session cookie (or an Authorization: Bearer token) "
                            + "belongs to. Any missing, expired or invalid token means anonymous: never an error.")
    @APIResponse(responseCode = "200", ref = AuthApiDocs.CURRENT)
    public JsonObject currentUser(@Context HttpHeaders headers) {
        return tokens.current(presentedToken(headers))
                .map(CurrentUserResponse::of)
                .orElseGet(CurrentUserResponse::anonymous)
                .toJson();
    }

    private Response signedIn(
            Response.ResponseBuilder response, Account account, HttpServletRequest request) {
        return response.entity(UserResponse.of(account))
                .header(HttpHeaders.SET_COOKIE, cookies.store(tokens.issue(account), request))
                .build();
    }

    /** A Bearer header wins over the cookie, as in every other service's mpJwt configuration. */
    private String presentedToken(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        Cookie cookie = headers.getCookies().get(cookies.name());
        return cookie == null ? null : cookie.getValue();
    }
}
