package dev.ticketing.payment.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.payment.api.PaymentRequest;
import dev.ticketing.payment.api.PaymentsApi;
import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.util.UUID;

/** Signed-up users of this run (auth-service runs beside payment-service in the IT server). */
final class Buyers {
    private static final HttpApi HTTP = new HttpApi();

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

    static Buyer signUp() {
        String email = "buyer-" + UUID.randomUUID() + "@example.test";
        HttpApi.Reply reply =
                HTTP.post(
                        ServiceUnderTest.url("/api/users/signup"),
                        "{\"email\":\"" + email + "\",\"password\":\"s3cret-pass\"}");
        assertEquals(201, reply.status(), "sign up: " + reply.body());
        String session =
                reply.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("no session cookie: " + reply.headers()));
        return new Buyer(reply.json().getString("id"), session);
    }
}
