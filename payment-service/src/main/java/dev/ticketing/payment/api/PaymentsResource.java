package dev.ticketing.payment.api;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.payment.checkout.Checkout;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.PaymentRefused;
import dev.ticketing.payment.gateway.PaymentGateway;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** POST /api/payments: the order's owner pays for it (API.md, payment-service). */
@Path("/")
@RequestScoped
public class PaymentsResource {
    private static final Logger LOG = Logger.getLogger(PaymentsResource.class.getName());

    @Inject
    Checkout checkout;

    @Inject
    JsonWebToken caller;

    @POST
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay for an order", description = "Charges the ticket price in cents (USD) once per order; "
            + "the order becomes complete when order-service receives payment.created.")
    @APIResponse(responseCode = "201", description = "Paid",
            content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "Validation failure; \"Cannot pay for a cancelled order\"; "
            + "\"Order has already been paid for\"; the order expired during the charge (refunded)")
    @APIResponse(responseCode = "401", description = "Not signed in, or not the order's owner")
    @APIResponse(responseCode = "402", description = "The card was declined; the message is the card's reason")
    @APIResponse(responseCode = "404", description = "No such order")
    public Response pay(@Valid @NotNull PaymentRequest request) {
        try {
            Payment payment = checkout.pay(caller.getSubject(), request.orderId(), request.token());
            return Response.status(Response.Status.CREATED).entity(new PaymentResponse(payment.id())).build();
        } catch (NoSuchElementException unknownOrder) {
            throw new NotFoundException();
        } catch (PaymentRefused refused) {
            if (refused.reason() == PaymentRefused.Reason.NOT_OWNER) {
                throw new NotAuthorizedException();
            }
            throw new BusinessRuleException(refused.reason().message());
        } catch (PaymentGateway.CardDeclined declined) {
            throw new PaymentDeclinedException(declined.getMessage());
        } catch (PaymentGateway.GatewayUnavailable down) {
            LOG.log(Level.WARNING, "payment for order " + request.orderId() + " failed at the gateway", down);
            throw new GatewayUnavailableException();
        }
    }
}
