package dev.ticketing.auth.api;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The account routes of docs/api.md (under /api/users) as a Java interface: {@link UsersResource}
 * serves it, and a Java client (the integration tests' MicroShed Testing clients) calls it. The
 * body's constraints are declared here, once: Bean Validation refuses an implementation that
 * declares its own. A client leaves the {@code @Context} parameters out.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface UsersApi {
    String BODY_REQUIRED = "A JSON body with email and password is required";

    /** 201 with the new user and the session cookie. */
    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_JSON)
    Response signUp(
            @Valid @NotNull(message = BODY_REQUIRED) SignUpRequest body,
            @Context HttpServletRequest request);

    /** 200 with the user and the session cookie. */
    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_JSON)
    Response signIn(
            @Valid @NotNull(message = BODY_REQUIRED) SignInRequest body,
            @Context HttpServletRequest request);

    /** 200; the session is revoked and its cookie cleared. */
    @POST
    @Path("signout")
    Response signOut(@Context HttpServletRequest request, @Context HttpHeaders headers);

    /** {@code {"currentUser": {...}}} or {@code {"currentUser": null}}. */
    @GET
    @Path("currentuser")
    JsonObject currentUser(@Context HttpHeaders headers);
}
