package dev.ticketing.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auth-service. Sign-up, sign-in and sign-out answer a raw {@link Response}: the page must relay
 * their Set-Cookie header to the browser, which a typed return value would hide.
 */
@RegisterRestClient(configKey = "users")
@RegisterClientHeaders(SessionForwarding.class)
@RegisterProvider(ApiErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UsersApi {

    @POST
    @Path("signup")
    Response signUp(Credentials credentials);

    @POST
    @Path("signin")
    Response signIn(Credentials credentials);

    @POST
    @Path("signout")
    Response signOut();

    @GET
    @Path("currentuser")
    CurrentUserReply currentUser();
}
