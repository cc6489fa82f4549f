package dev.ticketing.probe.errors;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/** Routes that fail in every way a service's routes can, so the tests see what a client would. */
@Path("errors")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorProbeResource {

    /** A body with the kinds of rules the services' bodies have. */
    public record Listing(
            @NotBlank(message = "Title is required") String title,
            @NotNull(message = "Price must be greater than 0")
                    @Positive(message = "Price must be greater than 0")
                    BigDecimal price,
            @Email(message = "Email must be valid") String contact,
            @Size(min = 4, max = 20, message = "Code must be between 4 and 20 characters")
                    String code,
            Integer quantity) {}

    @POST
    @Path("validated")
    @Consumes(MediaType.APPLICATION_JSON)
    public Listing validated(
            @NotNull(message = "A request body is required") @Valid Listing listing) {
        return listing;
    }

    @GET
    @Path("business")
    public String business() {
        throw new BusinessRuleException("Ticket is already reserved");
    }

    @GET
    @Path("missing")
    public String missing() {
        throw new NotFoundException();
    }

    @GET
    @Path("not-yours")
    public String notYours() {
        throw new NotAuthorizedException();
    }

    @GET
    @Path("crash")
    public String crash() {
        throw new IllegalStateException("database password is hunter2 (must never reach a client)");
    }
}
