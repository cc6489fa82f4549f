package dev.ticketing.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** order-service: the signed-in user's orders. */
@RegisterRestClient(configKey = "orders")
@RegisterClientHeaders(SessionForwarding.class)
@RegisterProvider(ApiErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    @GET
    List<Order> mine();

    @GET
    @Path("{id}")
    Order order(@PathParam("id") String id);

    /**
     * Reserves the ticket for the caller: 201 with the order, or 400 "Ticket is already reserved".
     */
    @POST
    Order reserve(NewOrder order);

    @DELETE
    @Path("{id}")
    void cancel(@PathParam("id") String id);
}
