package dev.ticketing.payment.api;

import static dev.ticketing.payment.api.OpenApiExamples.NOT_AN_EVENT;
import static dev.ticketing.payment.api.OpenApiExamples.NOT_CONFIGURED;
import static dev.ticketing.payment.api.OpenApiExamples.RECEIVED;
import static dev.ticketing.payment.api.OpenApiExamples.SIGNATURE_INVALID;
import static dev.ticketing.payment.api.OpenApiExamples.SIGNATURE_MISSING;
import static dev.ticketing.payment.api.OpenApiExamples.STRIPE_EVENT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * POST /api/payments/webhook: Stripe's events, accepted only with a valid Stripe-Signature over the
 * raw body, within the tolerance window. The body is read as bytes so nothing re-encodes it before
 * the signature is checked.
 */
@Path("/webhook")
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
    @RequestBody(
            required = true,
            description =
                    "The event exactly as Stripe sent it (the signature covers the raw bytes)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "payment_intent.succeeded",
                                            value = STRIPE_EVENT)))
    @APIResponse(
            responseCode = "200",
            description = "Accepted (also for event types it ignores)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "received", value = RECEIVED)))
    @APIResponse(
            responseCode = "400",
            description = "Missing or invalid signature, or not a Stripe event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "no signature", value = SIGNATURE_MISSING),
                                @ExampleObject(
                                        name = "invalid signature",
                                        value = SIGNATURE_INVALID),
                                @ExampleObject(name = "not an event", value = NOT_AN_EVENT)
                            }))
    @APIResponse(
            responseCode = "503",
            description = "No webhook secret configured (Stripe retries the event later)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "not configured",
                                            value = NOT_CONFIGURED)))
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
