package dev.ticketing.timer.api;

import static dev.ticketing.timer.api.OpenApiExamples.TIMER;
import static dev.ticketing.timer.api.OpenApiExamples.TIMERS;

import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.openapi.SharedResponses;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @APIResponse(
            responseCode = "200",
            description = "Order id and due time of every pending timer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = PendingTimer.class),
                            examples = {
                                @ExampleObject(name = "pending", value = TIMERS),
                                @ExampleObject(name = "none pending", value = "[]")
                            }))
    public List<PendingTimer> pending() {
        return timers.pending().stream().map(PendingTimer::of).toList();
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "The pending expiry of one order")
    @APIResponse(
            responseCode = "200",
            description = "The order's timer",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PendingTimer.class),
                            examples = @ExampleObject(name = "pending", value = TIMER)))
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
    public PendingTimer pendingFor(@PathParam("orderId") String orderId) {
        return timers.pending(orderId).map(PendingTimer::of).orElseThrow(NotFoundException::new);
    }
}
