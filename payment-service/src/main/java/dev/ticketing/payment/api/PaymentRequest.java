package dev.ticketing.payment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {orderId, token}}: which order to pay for, with which Stripe token or payment method. */
@Schema(name = "PaymentRequest", example = OpenApiExamples.PAYMENT_REQUEST)
public record PaymentRequest(
        @NotBlank(message = "OrderId must be provided") String orderId,
        @NotBlank(message = "Token must be provided")
                @Size(max = 255, message = "Token must be at most 255 characters")
                @Schema(
                        description =
                                "A Stripe card token (tok_visa) or payment method (pm_card_visa)",
                        maxLength = 255)
                String token) {}
