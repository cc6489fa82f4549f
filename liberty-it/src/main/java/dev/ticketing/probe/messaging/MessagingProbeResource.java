package dev.ticketing.probe.messaging;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** HTTP handles on the messaging probe for the integration tests. */
@Path("messaging")
@Produces(MediaType.APPLICATION_JSON)
public class MessagingProbeResource {

    @Inject MessagingProbe probe;

    @Inject HoldingProbe holding;

    @POST
    @Path("send")
    @Consumes(MediaType.TEXT_PLAIN)
    public JsonObject send(@QueryParam("id") String id, String payload) throws Exception {
        probe.send(id, payload).toCompletableFuture().get(20, TimeUnit.SECONDS);
        return Json.createObjectBuilder().add("acked", true).add("id", id).build();
    }

    @GET
    @Path("received")
    public List<MessagingProbe.Received> received() {
        return probe.received();
    }

    @GET
    @Path("hold")
    public JsonObject hold() {
        return Json.createObjectBuilder()
                .add("holding", holding.holding())
                .add("handled", Json.createArrayBuilder(holding.handled()))
                .build();
    }

    @POST
    @Path("hold/release")
    public JsonObject release() {
        holding.release();
        return Json.createObjectBuilder().add("released", true).build();
    }
}
