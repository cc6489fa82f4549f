package dev.ticketing.payment.api;

import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.openapi.ApiDocs;
import dev.ticketing.payment.checkout.Payouts;
import dev.ticketing.payment.domain.Cents;
import dev.ticketing.payment.domain.PayoutTerms;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * /api/payouts: the signed-in seller's payouts and connected account, and the terms anyone can read
 * (docs/api.md, "Delivery and payouts").
 */
@Path("/payouts")
@RequestScoped
@Tag(name = "Payouts", description = "What sellers are paid for their sales")
public class PayoutsResource implements PayoutsApi {

    @Inject Payouts payouts;

    @Inject JsonWebToken caller;

    @GET
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The caller's payouts",
            description =
                    "One payout per paid sale, newest first: the price, the marketplace's fee, the"
                            + " seller's net, pending until its release (the event's start plus"
                            + " the release delay), then paid, or cancelled when the sale was"
                            + " refunded; with the totals pending and paid.")
    @APIResponse(responseCode = "200", ref = PaymentApiDocs.PAYOUTS)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    public PayoutsResponse mine() {
        String seller = caller.getSubject();
        return PayoutsResponse.of(payouts.of(seller), payouts.accountOf(seller).orElse(null));
    }

    @GET
    @Path("/terms")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The terms sellers are paid on",
            description =
                    "The marketplace's fee (a percentage of the price, rounded half up to the cent)"
                            + " and how long after the event's start (or the sale, without an"
                            + " event) a payout is released; with a price, what the fee and the"
                            + " seller's net of that price are: what a sell page shows.")
    @APIResponse(responseCode = "200", ref = PaymentApiDocs.TERMS)
    @APIResponse(responseCode = "400", ref = PaymentApiDocs.TERMS_REFUSED)
    public PayoutTermsResponse terms(
            @Parameter(description = "A ticket price, e.g. 80.50") @QueryParam("price")
                    String price) {
        PayoutTerms terms = payouts.terms();
        String percent = terms.feePercent().stripTrailingZeros().toPlainString();
        String delay = terms.delay().toString();
        if (price == null || price.isBlank()) {
            return new PayoutTermsResponse(percent, delay, null, null, null);
        }
        long cents;
        try {
            cents = Cents.of(new BigDecimal(price.strip()));
        } catch (IllegalArgumentException notAPrice) { // NumberFormatException included
            throw ValidationFailure.of(
                    "price", "Price must be a number above 0 with at most 2 decimal places");
        }
        long fee = terms.feeCents(cents);
        return new PayoutTermsResponse(
                percent,
                delay,
                Payouts.units(cents).toPlainString(),
                Payouts.units(fee).toPlainString(),
                Payouts.units(cents - fee).toPlainString());
    }

    @PUT
    @Path("/account")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Name the caller's Stripe connected account",
            description =
                    "Where the caller's payouts are transferred (Stripe Connect). With Stripe, a"
                            + " payout waits until its seller has named one.")
    @APIResponse(responseCode = "204", description = "Payouts go to that account from now on")
    @RequestBody(ref = PaymentApiDocs.PAYOUT_ACCOUNT)
    @APIResponse(responseCode = "400", ref = PaymentApiDocs.ACCOUNT_REFUSED)
    @APIResponse(responseCode = "401", ref = ApiDocs.NOT_AUTHORIZED)
    public Response setAccount(PayoutAccountRequest request) {
        payouts.setAccount(caller.getSubject(), request.accountId());
        return Response.noContent().build();
    }
}
