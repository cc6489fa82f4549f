package dev.ticketing.payment.api;

import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;
import static dev.ticketing.payment.api.OpenApiExamples.ALREADY_PAID;
import static dev.ticketing.payment.api.OpenApiExamples.CARD_DECLINED;
import static dev.ticketing.payment.api.OpenApiExamples.EXPIRED_DURING_PAYMENT;
import static dev.ticketing.payment.api.OpenApiExamples.FIELDS_MISSING;
import static dev.ticketing.payment.api.OpenApiExamples.GATEWAY_UNAVAILABLE;
import static dev.ticketing.payment.api.OpenApiExamples.INSUFFICIENT_FUNDS;
import static dev.ticketing.payment.api.OpenApiExamples.ORDER_CANCELLED;
import static dev.ticketing.payment.api.OpenApiExamples.PAYMENT;
import static dev.ticketing.payment.api.OpenApiExamples.PAYMENT_REQUEST;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.errors.NotAuthorizedException;
import dev.ticketing.common.errors.NotFoundException;
import dev.ticketing.common.openapi.SharedResponses;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST /api/payments: the order's owner pays for it (docs/api.md, payment-service). */
@Path("/")
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
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "pay with a test card",
                                            value = PAYMENT_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Paid",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentResponse.class),
                            examples = @ExampleObject(name = "payment", value = PAYMENT)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Validation failure; \"Cannot pay for a cancelled order\"; "
                            + "\"Order has already been paid for\"; the order expired during the charge (refunded)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "fields missing", value = FIELDS_MISSING),
                                @ExampleObject(name = "order cancelled", value = ORDER_CANCELLED),
                                @ExampleObject(name = "already paid", value = ALREADY_PAID),
                                @ExampleObject(
                                        name = "expired during the charge",
                                        value = EXPIRED_DURING_PAYMENT),
                                @ExampleObject(name = "malformed JSON", value = MALFORMED_JSON)
                            }))
    @APIResponse(responseCode = "401", ref = SharedResponses.NOT_AUTHORIZED)
    @APIResponse(
            responseCode = "402",
            description = "The card was declined; the message is the card's reason",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "declined", value = CARD_DECLINED),
                                @ExampleObject(
                                        name = "insufficient funds",
                                        value = INSUFFICIENT_FUNDS)
                            }))
    @APIResponse(responseCode = "404", ref = SharedResponses.NOT_FOUND)
    @APIResponse(
            responseCode = "503",
            description = "The payment provider failed; nothing was charged twice, retry later",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "provider down",
                                            value = GATEWAY_UNAVAILABLE)))
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
