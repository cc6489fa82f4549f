package dev.ticketing.payment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The payment route of docs/api.md (under /api/payments) as a Java interface: {@link
 * PaymentsResource} serves it, and a Java client (the integration tests' MicroShed Testing clients)
 * calls it. The body's constraints are declared here, once: Bean Validation refuses an
 * implementation that declares its own.
 */
@Path("/payments")
public interface PaymentsApi {
    String BODY_REQUIRED = "A JSON body with orderId and token is required";

    /** 201 with the payment: the order's price was charged once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response pay(@Valid @NotNull(message = BODY_REQUIRED) PaymentRequest request);
}
