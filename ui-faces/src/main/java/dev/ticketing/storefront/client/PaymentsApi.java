package dev.ticketing.storefront.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** payment-service: charging the card for an order. */
@RegisterRestClient(configKey = "payments")
@RegisterClientHeaders(SessionForwarding.class)
@RegisterProvider(ApiErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PaymentsApi {

    /** 201 once the charge succeeded; 402 or 400 with the card's decline reason. */
    @POST
    Payment pay(NewPayment payment);
}
