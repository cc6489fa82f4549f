package dev.ticketing.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

    @GET
    @Path("{id}")
    Ticket ticket(@PathParam("id") String id);

    @POST
    Ticket list(TicketDraft draft);

    @PUT
    @Path("{id}")
    Ticket edit(@PathParam("id") String id, TicketDraft draft);
}
