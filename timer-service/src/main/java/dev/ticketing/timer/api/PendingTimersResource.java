package dev.ticketing.timer.api;

import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.openapi.ApiDocs;
import dev.ticketing.timer.expiry.ExpiryTimers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Read-only: which orders still hold a ticket and when each hold ends. Internal (context root
 * /internal/timers): the platform's public routes are /api/*, and production does not route here.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pending timers", description = "Internal, read-only")
public class PendingTimersResource implements PendingTimersApi {

    @Inject ExpiryTimers timers;

    @GET
    @Operation(summary = "Pending expiries, soonest first")
    @APIResponse(responseCode = "200", ref = TimerApiDocs.PENDING)
    public List<PendingTimer> pending() {
        return timers.pending().stream().map(PendingTimer::of).toList();
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "The pending expiry of one order")
    @APIResponse(responseCode = "200", ref = TimerApiDocs.ONE_PENDING)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    public PendingTimer pendingFor(@PathParam("orderId") String orderId) {
        return timers.pending(orderId).map(PendingTimer::of).orElseThrow(NotFoundException::new);
    }
}
