package dev.ticketing.payment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The payout routes of docs/api.md (under /api/payouts, "Delivery and payouts") as a Java
 * interface: {@link PayoutsResource} serves it, and a Java client (the integration tests' MicroShed
 * Testing clients) calls it. The body's constraints are declared here, once: Bean Validation
 * refuses an implementation that declares its own.
 */
@Path("/payouts")
public interface PayoutsApi {
    String BODY_REQUIRED = "A JSON body with accountId is required";

    /** The caller's payouts, newest sale first, with the totals pending and paid. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    PayoutsResponse mine();

    /** The fee and the release delay; with a price, that price's fee and net. */
    @GET
    @Path("/terms")
    @Produces(MediaType.APPLICATION_JSON)
    PayoutTermsResponse terms(@QueryParam("price") String price);

    /** 204: the caller's payouts go to this connected account from now on. */
    @PUT
    @Path("/account")
    @Consumes(MediaType.APPLICATION_JSON)
    Response setAccount(@Valid @NotNull(message = BODY_REQUIRED) PayoutAccountRequest request);
}
