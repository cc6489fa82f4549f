package dev.ticketing.catalog.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The ticket routes of docs/api.md (under /api/tickets) as a Java interface: {@link
 * TicketsResource} serves it, and a Java client (the integration tests' MicroShed Testing clients,
 * a MicroProfile Rest Client) calls it. Who may call what, and the OpenAPI description, live on the
 * resource.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketsApi {

    /**
     * Tickets for sale, newest first, or a search (the body is the list of tickets; the next page's
     * URL is in the Link header).
     */
    @GET
    Response free(@BeanParam ListingQuery query);

    /** The caller's listings, any state, newest first. */
    @GET
    @Path("mine")
    List<TicketResponse> mine(
            @QueryParam("limit") String limit, @QueryParam("offset") String offset);

    @GET
    @Path("{id}")
    TicketResponse one(@PathParam("id") String id);

    /** 201 with the new ticket and its Location. */
    @POST
    Response sell(TicketRequest body);

    @PUT
    @Path("{id}")
    TicketResponse edit(@PathParam("id") String id, TicketRequest body);

    /** 204; the ticket file is attached (raw body: application/pdf, image/png or image/jpeg). */
    @PUT
    @Path("{id}/file")
    @Consumes(MediaType.WILDCARD)
    Response attachFile(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] content);

    /** The ticket file, for the seller and for the buyer of a completed sale. */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    Response file(@PathParam("id") String id);

    /** 204; the listing is withdrawn. */
    @DELETE
    @Path("{id}")
    Response withdraw(@PathParam("id") String id);
}
