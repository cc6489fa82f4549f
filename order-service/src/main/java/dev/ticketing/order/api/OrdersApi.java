package dev.ticketing.order.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The order routes of docs/api.md (under /api/orders) as a Java interface: {@link OrdersResource}
 * serves it, and a Java client (the integration tests' MicroShed Testing clients, a MicroProfile
 * Rest Client) calls it. Who may call what, and the OpenAPI description, live on the resource.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    /** 201 with the new order, which holds the ticket until it expires. */
    @POST
    Response place(OrderRequest body);

    /** The caller's orders. */
    @GET
    List<OrderResponse> mine();

    @GET
    @Path("{id}")
    OrderResponse one(@PathParam("id") String id);

    /** 204: the order is cancelled and its ticket released. */
    @DELETE
    @Path("{id}")
    Response cancel(@PathParam("id") String id);
}
