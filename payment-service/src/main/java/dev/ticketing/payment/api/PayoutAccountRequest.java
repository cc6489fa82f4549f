package dev.ticketing.payment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {accountId}}: the seller's Stripe connected account, where their payouts go. */
@Schema(name = "PayoutAccountRequest", example = "{\"accountId\":\"acct_1Nv0FGQ9RKHgCVdK\"}")
public record PayoutAccountRequest(
        @NotBlank(message = "AccountId must be provided")
                @Pattern(
                        // Blank is @NotBlank's to report: one message per problem.
                        regexp = "(acct_[A-Za-z0-9]{1,64})?",
                        message =
                                "AccountId must be a Stripe connected account id, such as"
                                        + " acct_1Nv0FGQ9RKHgCVdK")
                @Schema(description = "A Stripe Connect account id", maxLength = 69)
                String accountId) {}
