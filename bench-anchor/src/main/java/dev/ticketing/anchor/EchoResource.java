package dev.ticketing.anchor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * {@code POST /api/orders} with nothing behind it: the same request body bound by JSON-B, a 201
 * with a JSON body of about the same size, and no store, no token check, no event. What the flash
 * sale's figures are divided by.
 */
@ApplicationScoped
@Path("api/orders")
public class EchoResource {

    /** The request body of an order. */
    public static class OrderRequest {
        public String ticketId;
    }

    /** The answer: an id and what was asked. */
    public record Placed(String id, String ticketId, String status) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response place(OrderRequest request) {
        if (request == null || request.ticketId == null || request.ticketId.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return Response.status(Response.Status.CREATED)
                .entity(new Placed(UUID.randomUUID().toString(), request.ticketId, "created"))
                .build();
    }
}
