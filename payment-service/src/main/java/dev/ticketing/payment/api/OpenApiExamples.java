package dev.ticketing.payment.api;

import static dev.ticketing.common.openapi.SharedExamples.ORDER_ID;
import static dev.ticketing.common.openapi.SharedExamples.TICKET_ID;

/**
 * The JSON examples of the OpenAPI document: what the payment routes really take and answer
 * (docs/api.md's payment-service table), kept here so the resources stay readable. Constants, as
 * annotations need them.
 */
final class OpenApiExamples {
    static final String PAYMENT_REQUEST =
            "{\"orderId\":\"" + ORDER_ID + "\",\"token\":\"tok_visa\"}";
    static final String PAYMENT = "{\"id\":\"665f1e559b1e8a3d4c5b6a90\"}";

    static final String FIELDS_MISSING =
            "{\"errors\":["
                    + "{\"message\":\"OrderId must be provided\",\"field\":\"orderId\"},"
                    + "{\"message\":\"Token must be provided\",\"field\":\"token\"}]}";
    static final String ORDER_CANCELLED =
            "{\"errors\":[{\"message\":\"Cannot pay for a cancelled order\"}]}";
    static final String ALREADY_PAID =
            "{\"errors\":[{\"message\":\"Order has already been paid for\"}]}";
    static final String EXPIRED_DURING_PAYMENT =
            "{\"errors\":[{\"message\":"
                    + "\"The order expired before the payment completed; the charge was refunded\"}]}";
    static final String CARD_DECLINED = "{\"errors\":[{\"message\":\"Your card was declined.\"}]}";
    static final String INSUFFICIENT_FUNDS =
            "{\"errors\":[{\"message\":\"Your card has insufficient funds.\"}]}";
    static final String GATEWAY_UNAVAILABLE =
            "{\"errors\":[{\"message\":\"The payment provider is unavailable; please try again\"}]}";

    /**
     * A Stripe event as Stripe posts it (trimmed to the fields the webhook reads): the shared
     * ticket's price in cents.
     */
    static final String STRIPE_EVENT =
            "{\"id\":\"evt_3QkL2mF8c1Yd0aZb1x9Tq7Rw\",\"object\":\"event\",\"api_version\":\"2024-06-20\","
                    + "\"created\":1767225600,\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
                    + "{\"id\":\"pi_3QkL2mF8c1Yd0aZb1c4Vn2Pe\",\"object\":\"payment_intent\",\"amount\":2575,\"currency\":\"usd\","
                    + "\"status\":\"succeeded\",\"metadata\":{\"orderId\":\""
                    + ORDER_ID
                    + "\"}}}}";

    static final String STRIPE_SIGNATURE =
            "t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd";
    static final String RECEIVED = "{\"received\":true}";
    static final String SIGNATURE_MISSING =
            "{\"errors\":[{\"message\":\"Missing Stripe-Signature header\"}]}";
    static final String SIGNATURE_INVALID =
            "{\"errors\":[{\"message\":\"Invalid Stripe signature\"}]}";
    static final String NOT_AN_EVENT = "{\"errors\":[{\"message\":\"Not a Stripe event\"}]}";
    static final String NOT_CONFIGURED =
            "{\"errors\":[{\"message\":\"Webhooks are not configured (STRIPE_WEBHOOK_SECRET)\"}]}";

    static final String PAYOUTS =
            "{\"payouts\":[{\"ticketId\":\""
                    + TICKET_ID
                    + "\",\"orderId\":\""
                    + ORDER_ID
                    + "\",\"amount\":\"25.75\",\"fee\":\"2.58\",\"net\":\"23.17\","
                    + "\"status\":\"pending\",\"releaseAt\":\"2027-03-03T19:30:00Z\"}],"
                    + "\"pending\":\"23.17\",\"paid\":\"0.00\",\"account\":\"acct_1Nv0FGQ9RKHgCVdK\"}";
    static final String PAYOUT_ACCOUNT = "{\"accountId\":\"acct_1Nv0FGQ9RKHgCVdK\"}";
    static final String ACCOUNT_MISSING =
            "{\"errors\":[{\"message\":\"AccountId must be provided\",\"field\":\"accountId\"}]}";
    static final String ACCOUNT_INVALID =
            "{\"errors\":[{\"message\":\"AccountId must be a Stripe connected account id, such as"
                    + " acct_1Nv0FGQ9RKHgCVdK\",\"field\":\"accountId\"}]}";
    static final String TERMS = "{\"feePercent\":\"10\",\"releaseDelay\":\"PT48H\"}";
    static final String TERMS_OF_A_PRICE =
            "{\"feePercent\":\"10\",\"releaseDelay\":\"PT48H\",\"price\":\"25.75\","
                    + "\"fee\":\"2.58\",\"net\":\"23.17\"}";
    static final String PRICE_INVALID =
            "{\"errors\":[{\"message\":\"Price must be a number above 0 with at most 2 decimal"
                    + " places\",\"field\":\"price\"}]}";

    private OpenApiExamples() {}
}
