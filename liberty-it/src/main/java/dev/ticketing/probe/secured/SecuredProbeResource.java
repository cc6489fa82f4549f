package dev.ticketing.probe.secured;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A protected route that says who the caller is, a public one, and one for a role nobody has. */
@Path("secured")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SecuredProbeResource {

    @Inject JsonWebToken jwt;

    @GET
    @Path("me")
    @RolesAllowed("user")
    public JsonObject me() {
        return Json.createObjectBuilder()
                .add("sub", jwt.getSubject())
                .add("upn", jwt.getName())
                .add("groups", Json.createArrayBuilder(jwt.getGroups()))
                .build();
    }

    @GET
    @Path("public")
    @PermitAll
    public JsonObject open() {
        return Json.createObjectBuilder().add("public", true).build();
    }

    @GET
    @Path("admin")
    @RolesAllowed("admin")
    public JsonObject admin() {
        return Json.createObjectBuilder().add("admin", true).build();
    }
}
