package dev.ticketing.payment.api;

import static dev.ticketing.payment.api.OpenApiExamples.STRIPE_SIGNATURE;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.payment.checkout.StripeEvents;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * POST /api/payments/webhook: Stripe's events, accepted only with a valid Stripe-Signature over the
 * raw body, within the tolerance window. The body is read as bytes so nothing re-encodes it before
 * the signature is checked.
 */
@Path("/payments/webhook")
@RequestScoped
@PermitAll
@Tag(name = "Payments")
public class StripeWebhookResource {

    @Inject StripeEvents stripeEvents;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Stripe webhook",
            description =
                    "Verifies Stripe-Signature (STRIPE_WEBHOOK_SECRET); "
                            + "payment_intent.succeeded records the order's payment once.")
    @RequestBody(ref = PaymentApiDocs.STRIPE_EVENT_BODY)
    @APIResponse(responseCode = "200", ref = PaymentApiDocs.EVENT_RECEIVED)
    @APIResponse(responseCode = "400", ref = PaymentApiDocs.EVENT_REFUSED)
    @APIResponse(responseCode = "503", ref = PaymentApiDocs.WEBHOOK_OFF)
    public Map<String, Object> receive(
            @Parameter(
                            description =
                                    "Stripe's signature: timestamp and HMAC-SHA256 of the body",
                            example = STRIPE_SIGNATURE)
                    @HeaderParam("Stripe-Signature")
                    String signature,
            byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw new BusinessRuleException("Missing Stripe-Signature header");
        }
        String payload = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        StripeEvents.Result result = stripeEvents.receive(payload, signature);
        return switch (result) {
            case INVALID_SIGNATURE -> throw new BusinessRuleException("Invalid Stripe signature");
            case NOT_AN_EVENT -> throw new BusinessRuleException("Not a Stripe event");
            case NOT_CONFIGURED -> throw new WebhooksNotConfiguredException();
            default -> Map.of("received", true);
        };
    }
}
