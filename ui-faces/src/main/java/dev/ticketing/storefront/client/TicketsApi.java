package dev.ticketing.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service: the tickets for sale. */
@RegisterRestClient(configKey = "tickets")
@RegisterClientHeaders(SessionForwarding.class)
@RegisterProvider(ApiErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TicketsApi {

    /** A page of the tickets no order holds, newest first. */
    @GET
    List<Ticket> forSale(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    /**
     * A search (docs/api.md, "Events and listings"): the body is a page of tickets, the next page's
     * URL is in the Link header. Null parameters are not sent.
     */
    @GET
    Response search(
            @QueryParam("q") String q,
            @QueryParam("city") String city,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("minPrice") String minPrice,
            @QueryParam("maxPrice") String maxPrice,
            @QueryParam("sort") String sort,
            @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    /** The caller's listings in every state, newest first. */
    @GET
    @Path("mine")
    List<Ticket> mine(@QueryParam("limit") int limit, @QueryParam("offset") int offset);

    @GET
    @Path("{id}")
    Ticket ticket(@PathParam("id") String id);

    /** Takes the caller's on-sale listing down. */
    @DELETE
    @Path("{id}")
    void withdraw(@PathParam("id") String id);

    @POST
    Ticket list(TicketDraft draft);

    @PUT
    @Path("{id}")
    Ticket edit(@PathParam("id") String id, TicketDraft draft);
}
