package dev.ticketing.storefront.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.storefront.client.ApiError;
import dev.ticketing.storefront.client.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPageTest {

    @Test
    void aDeclinedCardGivesItsReason() {
        ApiException declined =
                new ApiException(402, List.of(new ApiError("Your card was declined.", null)), true);
        assertEquals(
                "Payment declined: Your card was declined.", OrderPage.paymentRefusal(declined));
    }

    @Test
    void otherRefusalsSayWhatTheApiSays() {
        ApiException paid =
                new ApiException(
                        400, List.of(new ApiError("Order has already been paid for", null)), true);
        assertEquals(
                "Payment not taken: Order has already been paid for",
                OrderPage.paymentRefusal(paid));
    }

    @Test
    void aFailedPaymentServicePromisesNothingButThatPayingAgainIsSafe() {
        ApiException storeAway =
                new ApiException(503, List.of(new ApiError("Service unavailable", null)), true);
        assertEquals(
                "We couldn't confirm your payment just now. Please try again in a moment: you will"
                        + " not be charged twice for this order.",
                OrderPage.paymentProblem(storeAway));
        ApiException nothingAnswered =
                new ApiException(502, List.of(new ApiError("Bad Gateway", null)), false);
        assertEquals(OrderPage.PAYMENTS_AWAY, OrderPage.paymentProblem(nothingAnswered));
        ApiException provider =
                new ApiException(
                        503,
                        List.of(
                                new ApiError(
                                        "The payment provider is unavailable; please try again",
                                        null)),
                        true);
        assertEquals(OrderPage.PAYMENT_UNCONFIRMED, OrderPage.paymentProblem(provider));
    }
}
