package dev.ticketing.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** payment-service's payouts: what sellers are paid for their sales. */
@RegisterRestClient(configKey = "payouts")
@RegisterClientHeaders(SessionForwarding.class)
@RegisterProvider(ApiErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PayoutsApi {

    /** The signed-in seller's payouts and totals; 401 when signed out. */
    @GET
    Payouts mine();

    /** The fee and the release delay, and what they leave of {@code price} (public). */
    @GET
    @Path("terms")
    PayoutTerms terms(@QueryParam("price") String price);

    /** Where the seller's payouts go from now on; 400 with the reason for a bad id. */
    @PUT
    @Path("account")
    void setAccount(PayoutAccount account);
}
