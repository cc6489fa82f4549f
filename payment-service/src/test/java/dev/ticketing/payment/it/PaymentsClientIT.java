package dev.ticketing.payment.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payment.api.PaymentRequest;
import dev.ticketing.payment.api.PaymentResponse;
import dev.ticketing.payment.api.PaymentsApi;
import dev.ticketing.payment.fake.FakeStripe;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.ApiClients.Refusal;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The payment route through a typed client of {@link PaymentsApi}, the interface PaymentsResource
 * serves (MicroShed Testing against the server the build started, its gateway the local fake of
 * Stripe's API): the owner pays an order once, a retry is told of the same payment, and every
 * refusal carries the whole error envelope of docs/api.md.
 */
@MicroShedTest
public class PaymentsClientIT {

    @BeforeAll
    static void startFakeStripe() {
        FakeStripe.shared();
    }

    private static PaymentsApi as(Buyers.Buyer buyer) {
        return ApiClients.withHeaders(PaymentsApi.class, "Cookie", buyer.cookie());
    }

    @Test
    void theOwnerPaysOnceAndARetryIsToldOfThatPayment() {
        Buyers.Buyer buyer = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "12.25");

        Response paid = as(buyer).pay(new PaymentRequest(orderId, "tok_visa"));
        assertEquals(201, paid.getStatus());
        String paymentId = paid.readEntity(PaymentResponse.class).id();

        Response again = as(buyer).pay(new PaymentRequest(orderId, "tok_visa"));
        assertEquals(201, again.getStatus());
        assertEquals(new PaymentResponse(paymentId), again.readEntity(PaymentResponse.class));
    }

    @Test
    void refusalsCarryTheWholeErrorEnvelope() {
        Buyers.Buyer buyer = Buyers.signUp();
        Buyers.Buyer other = Buyers.signUp();
        String orderId = OrderCopies.placeOrder(buyer.id(), "8.00");
        PaymentsApi anonymous = ApiClients.anonymous(PaymentsApi.class);

        assertRefused(
                refusal(() -> anonymous.pay(new PaymentRequest(orderId, "tok_visa"))),
                401,
                error("Not authorized", null));
        assertRefused(
                refusal(() -> as(other).pay(new PaymentRequest(orderId, "tok_visa"))),
                401,
                error("Not authorized", null));
        assertRefused(
                refusal(() -> as(buyer).pay(new PaymentRequest(orderId, " "))),
                400,
                error("Token must be provided", "token"));
    }

    private static void assertRefused(Refusal refusal, int status, JsonObject body) {
        assertEquals(status, refusal.status(), refusal.toString());
        assertTrue(refusal.contentType().startsWith("application/json"), refusal.toString());
        assertEquals(body, refusal.body());
    }
}
