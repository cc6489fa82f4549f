package dev.ticketing.order.api;

import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.openapi.ApiDocs;
import dev.ticketing.order.application.Orders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** /api/orders: a signed-in buyer's orders. */
@Path("/")
@RequestScoped
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "A signed-in buyer's orders")
public class OrdersResource implements OrdersApi {

    @Inject Orders orders;

    @Inject JsonWebToken caller;

    @POST
    @Operation(summary = "Order a ticket: reserves it until expiresAt")
    @RequestBody(ref = OrderApiDocs.NEW)
    @APIResponse(responseCode = "201", ref = OrderApiDocs.PLACED)
    @APIResponse(responseCode = "400", ref = OrderApiDocs.REFUSED)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response place(OrderRequest body) {
        String ticketId = body == null ? null : body.ticketId();
        ValidationFailure.builder()
                .addIf(
                        ticketId == null || ticketId.isBlank(),
                        "ticketId",
                        "TicketId must be provided")
                .throwIfAny();
        OrderResponse order = OrderResponse.of(orders.place(caller.getSubject(), ticketId.trim()));
        return Response.status(Response.Status.CREATED).entity(order).build();
    }

    @GET
    @Operation(summary = "The caller's orders, newest first, each with its ticket")
    @APIResponse(responseCode = "200", ref = OrderApiDocs.MINE)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    public List<OrderResponse> mine() {
        return orders.allOf(caller.getSubject()).stream().map(OrderResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's orders")
    @APIResponse(responseCode = "200", ref = OrderApiDocs.SHOWN)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public OrderResponse one(@PathParam("id") String id) {
        return OrderResponse.of(orders.ofBuyer(id, caller.getSubject()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary =
                    "Cancel an order and release its ticket (an already cancelled one stays cancelled)")
    @APIResponse(responseCode = "204", ref = OrderApiDocs.CANCELLED)
    @APIResponse(responseCode = "400", ref = OrderApiDocs.NOT_CANCELLABLE)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public Response cancel(@PathParam("id") String id) {
        orders.cancel(id, caller.getSubject());
        return Response.noContent().build();
    }
}
