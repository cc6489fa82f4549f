package dev.ticketing.payment.it;

import dev.ticketing.payment.api.PaymentRequest;
import dev.ticketing.payment.api.PaymentsApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.Sessions;

/** Signed-up users of this run (auth-service runs beside payment-service in the IT server). */
final class Buyers {
    /** A user id and the Cookie header value that carries the session. */
    record Buyer(String id, String cookie) {}

    private Buyers() {}

    /**
     * {@code buyer} pays for an order through the typed client of {@link PaymentsApi} (MicroShed
     * Testing), answered as payment-service sent it. The tests that send what a typed client cannot
     * (no body, malformed JSON) post it raw.
     */
    static HttpApi.Reply pay(Buyer buyer, String orderId, String token) {
        PaymentsApi payments = ApiClients.withHeaders(PaymentsApi.class, "Cookie", buyer.cookie());
        return ApiClients.reply(() -> payments.pay(new PaymentRequest(orderId, token)));
    }

    /** A fresh account of the auth-service beside payment-service (test-support's Sessions). */
    static Buyer signUp() {
        Sessions.User user = Sessions.signUp();
        return new Buyer(user.id(), user.cookie());
    }
}
