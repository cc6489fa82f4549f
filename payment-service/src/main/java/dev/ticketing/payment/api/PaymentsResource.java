package dev.ticketing.payment.api;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.openapi.ApiDocs;
import dev.ticketing.payment.checkout.Checkout;
import dev.ticketing.payment.checkout.PaymentGateway;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.PaymentRefused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST /api/payments: the order's owner pays for it (docs/api.md, payment-service). */
@Path("/payments")
@RequestScoped
@Tag(name = "Payments", description = "Paying for an order")
public class PaymentsResource implements PaymentsApi {
    private static final Logger LOG = Logger.getLogger(PaymentsResource.class.getName());

    @Inject Checkout checkout;

    @Inject JsonWebToken caller;

    @POST
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Pay for an order",
            description =
                    "Charges the ticket price in cents (USD) once per order; "
                            + "the order becomes complete when order-service receives payment.created.")
    @RequestBody(ref = PaymentApiDocs.NEW)
    @APIResponse(responseCode = "201", ref = PaymentApiDocs.PAID)
    @APIResponse(responseCode = "400", ref = PaymentApiDocs.REFUSED)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    @APIResponse(responseCode = "402", ref = PaymentApiDocs.DECLINED)
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "503", ref = PaymentApiDocs.PROVIDER_DOWN)
    public Response pay(PaymentRequest request) {
        try {
            Payment payment = checkout.pay(caller.getSubject(), request.orderId(), request.token());
            return Response.status(Response.Status.CREATED)
                    .entity(new PaymentResponse(payment.id()))
                    .build();
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
            LOG.log(
                    Level.WARNING,
                    "payment for order " + request.orderId() + " failed at the gateway",
                    down);
            throw new GatewayUnavailableException();
        }
    }
}
