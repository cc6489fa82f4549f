package dev.ticketing.payment.api;

import static dev.ticketing.common.openapi.SharedExamples.MALFORMED_JSON;
import static dev.ticketing.payment.api.OpenApiExamples.ALREADY_PAID;
import static dev.ticketing.payment.api.OpenApiExamples.CARD_DECLINED;
import static dev.ticketing.payment.api.OpenApiExamples.EXPIRED_DURING_PAYMENT;
import static dev.ticketing.payment.api.OpenApiExamples.FIELDS_MISSING;
import static dev.ticketing.payment.api.OpenApiExamples.GATEWAY_UNAVAILABLE;
import static dev.ticketing.payment.api.OpenApiExamples.INSUFFICIENT_FUNDS;
import static dev.ticketing.payment.api.OpenApiExamples.NOT_AN_EVENT;
import static dev.ticketing.payment.api.OpenApiExamples.NOT_CONFIGURED;
import static dev.ticketing.payment.api.OpenApiExamples.ORDER_CANCELLED;
import static dev.ticketing.payment.api.OpenApiExamples.PAYMENT;
import static dev.ticketing.payment.api.OpenApiExamples.PAYMENT_REQUEST;
import static dev.ticketing.payment.api.OpenApiExamples.RECEIVED;
import static dev.ticketing.payment.api.OpenApiExamples.SIGNATURE_INVALID;
import static dev.ticketing.payment.api.OpenApiExamples.SIGNATURE_MISSING;
import static dev.ticketing.payment.api.OpenApiExamples.STRIPE_EVENT;

import dev.ticketing.common.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.models.Components;

/**
 * What the payment routes and Stripe's webhook take and answer (docs/api.md, payment-service),
 * named for the routes.
 */
public class PaymentApiDocs extends ApiDocs {
    static final String NEW = "NewPayment";
    static final String PAID = "Paid";
    static final String REFUSED = "PaymentRefused";
    static final String DECLINED = "CardDeclined";
    static final String PROVIDER_DOWN = "PaymentProviderDown";
    static final String STRIPE_EVENT_BODY = "StripeEvent";
    static final String EVENT_RECEIVED = "StripeEventReceived";
    static final String EVENT_REFUSED = "StripeEventRefused";
    static final String WEBHOOK_OFF = "StripeWebhookNotConfigured";
    static final String PAYOUTS = "SellersPayouts";
    static final String PAYOUT_ACCOUNT = "PayoutAccount";
    static final String ACCOUNT_REFUSED = "PayoutAccountRefused";
    static final String TERMS = "PayoutTermsOfAPrice";
    static final String TERMS_REFUSED = "PayoutTermsRefused";

    public PaymentApiDocs() {
        super("payment-service", "Payments through Stripe for reserved orders.");
    }

    @Override
    protected void describe(Components components) {
        components
                .addRequestBody(
                        NEW,
                        body(
                                schema(PaymentRequest.class),
                                example("pay with a test card", PAYMENT_REQUEST)))
                .addResponse(
                        PAID,
                        reply("Paid", schema(PaymentResponse.class), example("payment", PAYMENT)))
                .addResponse(
                        REFUSED,
                        error(
                                "Validation failure; \"Cannot pay for a cancelled order\"; \"Order has"
                                        + " already been paid for\"; the order expired during the charge"
                                        + " (refunded)",
                                example("fields missing", FIELDS_MISSING),
                                example("order cancelled", ORDER_CANCELLED),
                                example("already paid", ALREADY_PAID),
                                example("expired during the charge", EXPIRED_DURING_PAYMENT),
                                example("malformed JSON", MALFORMED_JSON)))
                .addResponse(
                        DECLINED,
                        error(
                                "The card was declined; the message is the card's reason",
                                example("declined", CARD_DECLINED),
                                example("insufficient funds", INSUFFICIENT_FUNDS)))
                .addResponse(
                        PROVIDER_DOWN,
                        error(
                                "The payment provider failed; nothing was charged twice, retry later",
                                example("provider down", GATEWAY_UNAVAILABLE)))
                .addRequestBody(
                        STRIPE_EVENT_BODY,
                        body(null, example("payment_intent.succeeded", STRIPE_EVENT))
                                .description(
                                        "The event exactly as Stripe sent it (the signature covers"
                                                + " the raw bytes)"))
                .addResponse(
                        EVENT_RECEIVED,
                        reply(
                                "Accepted (also for event types it ignores)",
                                null,
                                example("received", RECEIVED)))
                .addResponse(
                        EVENT_REFUSED,
                        error(
                                "Missing or invalid signature, or not a Stripe event",
                                example("no signature", SIGNATURE_MISSING),
                                example("invalid signature", SIGNATURE_INVALID),
                                example("not an event", NOT_AN_EVENT)))
                .addResponse(
                        PAYOUTS,
                        reply(
                                "The caller's payouts, newest sale first, with the totals",
                                schema(PayoutsResponse.class),
                                example("a pending payout", OpenApiExamples.PAYOUTS)))
                .addRequestBody(
                        PAYOUT_ACCOUNT,
                        body(
                                schema(PayoutAccountRequest.class),
                                example("a connected account", OpenApiExamples.PAYOUT_ACCOUNT)))
                .addResponse(
                        ACCOUNT_REFUSED,
                        error(
                                "No account id, or not a Stripe connected account id",
                                example("missing", OpenApiExamples.ACCOUNT_MISSING),
                                example("not an account id", OpenApiExamples.ACCOUNT_INVALID),
                                example("malformed JSON", MALFORMED_JSON)))
                .addResponse(
                        TERMS,
                        reply(
                                "The fee and the release delay; with a price, its fee and net",
                                schema(PayoutTermsResponse.class),
                                example("the terms", OpenApiExamples.TERMS),
                                example("of a price", OpenApiExamples.TERMS_OF_A_PRICE)))
                .addResponse(
                        TERMS_REFUSED,
                        error(
                                "The price is not a positive amount with at most 2 decimal places",
                                example("not a price", OpenApiExamples.PRICE_INVALID)))
                .addResponse(
                        WEBHOOK_OFF,
                        error(
                                "No webhook secret configured (Stripe retries the event later)",
                                example("not configured", NOT_CONFIGURED)));
    }
}
