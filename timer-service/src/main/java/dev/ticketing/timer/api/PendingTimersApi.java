package dev.ticketing.timer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The operators' view of pending expiry timers (docs/api.md, "Internal and operational routes",
 * under /internal/timers on the operator port) as a Java interface: {@link PendingTimersResource}
 * serves it, and a Java client (the integration tests' MicroShed Testing clients) calls it.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface PendingTimersApi {

    /** Every pending timer, soonest first. */
    @GET
    List<PendingTimer> pending();

    /** The pending timer of one order; 404 when it has none (fired, cancelled or unknown). */
    @GET
    @Path("{orderId}")
    PendingTimer pendingFor(@PathParam("orderId") String orderId);
}
