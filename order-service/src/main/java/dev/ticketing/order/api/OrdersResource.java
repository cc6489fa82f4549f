package dev.ticketing.order.api;

import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;
import static dev.ticketing.order.api.OpenApiExamples.ALREADY_RESERVED;
import static dev.ticketing.order.api.OpenApiExamples.COMPLETED;
import static dev.ticketing.order.api.OpenApiExamples.HOLDING_TOO_MANY;
import static dev.ticketing.order.api.OpenApiExamples.LET_GO;
import static dev.ticketing.order.api.OpenApiExamples.ORDER;
import static dev.ticketing.order.api.OpenApiExamples.ORDERS;
import static dev.ticketing.order.api.OpenApiExamples.ORDER_REQUEST;
import static dev.ticketing.order.api.OpenApiExamples.PAID_ORDER;
import static dev.ticketing.order.api.OpenApiExamples.TICKET_ID_MISSING;

import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.openapi.SharedResponses;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "ticket to reserve",
                                            value = ORDER_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "The order, status created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderResponse.class),
                            examples = @ExampleObject(name = "created", value = ORDER)))
    @APIResponse(
            responseCode = "400",
            description =
                    "TicketId must be provided; Ticket is already reserved; the buyer "
                            + "already holds the most tickets one buyer may hold; the buyer let this ticket go and its hold would still run",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "ticketId missing",
                                        value = TICKET_ID_MISSING),
                                @ExampleObject(name = "already reserved", value = ALREADY_RESERVED),
                                @ExampleObject(name = "holding too many", value = HOLDING_TOO_MANY),
                                @ExampleObject(name = "let go lately", value = LET_GO),
                                @ExampleObject(name = "malformed JSON", value = MALFORMED_JSON)
                            }))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
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
    @APIResponse(
            responseCode = "200",
            description = "The orders",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = OrderResponse.class),
                            examples = {
                                @ExampleObject(name = "orders", value = ORDERS),
                                @ExampleObject(name = "none yet", value = "[]")
                            }))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    public List<OrderResponse> mine() {
        return orders.allOf(caller.getSubject()).stream().map(OrderResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's orders")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OrderResponse.class),
                            examples = {
                                @ExampleObject(name = "holding the ticket", value = ORDER),
                                @ExampleObject(name = "paid", value = PAID_ORDER)
                            }))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
    public OrderResponse one(@PathParam("id") String id) {
        return OrderResponse.of(orders.ofBuyer(id, caller.getSubject()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary =
                    "Cancel an order and release its ticket (an already cancelled one stays cancelled)")
    @APIResponse(responseCode = "204", description = "Cancelled (no body)")
    @APIResponse(
            responseCode = "400",
            description = "Cannot cancel a completed order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "paid", value = COMPLETED)))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
    public Response cancel(@PathParam("id") String id) {
        orders.cancel(id, caller.getSubject());
        return Response.noContent().build();
    }
}
