package dev.ticketing.system.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The marketplace as a client sees it on the platform's one origin: sign up, list a ticket, order
 * it, pay, read orders and tickets back. Shared by the expiry and payment system tests.
 */
public final class Marketplace {
    private final HttpApi http = new HttpApi();

    /** A signed-up user: id and the Cookie header that carries the session. */
    public record User(String id, String cookie) {}

    public User signUp(String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.test";
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/api/users/signup"),
                        "{\"email\":\"" + email + "\",\"password\":\"s3cret-pass\"}");
        assertEquals(201, reply.status(), "sign up: " + reply.body());
        String cookie =
                reply.headers("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no session cookie"));
        return new User(reply.json().getString("id"), cookie);
    }

    /** A ticket listed by {@code seller}; its id. */
    public String listTicket(User seller, String title, String price) {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/api/tickets"),
                        "{\"title\":\"" + title + "\",\"price\":" + price + "}",
                        "Cookie",
                        seller.cookie());
        assertEquals(201, reply.status(), "list ticket: " + reply.body());
        return reply.json().getString("id");
    }

    /**
     * An order for the ticket, once order-service has learnt of the ticket (it replicates by
     * event).
     */
    public JsonObject order(User buyer, String ticketId) {
        HttpApi.Reply reply =
                eventually(
                        "order-service knows ticket " + ticketId,
                        Duration.ofSeconds(30),
                        () ->
                                http.post(
                                        ServiceUnderTest.url("/api/orders"),
                                        "{\"ticketId\":\"" + ticketId + "\"}",
                                        "Cookie",
                                        buyer.cookie()),
                        r -> r.status() != 404);
        assertEquals(201, reply.status(), "order: " + reply.body());
        return reply.json();
    }

    public HttpApi.Reply pay(User buyer, String orderId, String token) {
        return http.post(
                ServiceUnderTest.url("/api/payments"),
                "{\"orderId\":\"" + orderId + "\",\"token\":\"" + token + "\"}",
                "Cookie",
                buyer.cookie());
    }

    /** Pays once payment-service has learnt of the order (404 until its order.created arrived). */
    public HttpApi.Reply payWhenKnown(User buyer, String orderId, String token) {
        return eventually(
                "payment-service knows order " + orderId,
                Duration.ofSeconds(30),
                () -> pay(buyer, orderId, token),
                r -> r.status() != 404);
    }

    public JsonObject orderOf(User buyer, String orderId) {
        HttpApi.Reply reply =
                http.get(ServiceUnderTest.url("/api/orders/" + orderId), "Cookie", buyer.cookie());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    public HttpApi.Reply cancel(User buyer, String orderId) {
        return http.delete(
                ServiceUnderTest.url("/api/orders/" + orderId), "Cookie", buyer.cookie());
    }

    /** Whether the public ticket list (free tickets only) shows the ticket. */
    public boolean isListedAsFree(String ticketId) {
        HttpApi.Reply reply = http.get(ServiceUnderTest.url("/api/tickets"));
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray().stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(t -> ticketId.equals(t.getString("id")));
    }

    /** Waits until the order has {@code status}; returns it. */
    public JsonObject awaitStatus(User buyer, String orderId, String status, Duration atMost) {
        return eventually(
                "order " + orderId + " " + status,
                atMost,
                () -> orderOf(buyer, orderId),
                o -> status.equals(o.getString("status")));
    }

    public static Instant expiresAt(JsonObject order) {
        return Instant.parse(order.getString("expiresAt"));
    }

    /**
     * Polls {@code probe} every 200 ms until {@code done} accepts its value or {@code atMost}
     * passes (then fails with the last value): waiting with a deadline, never a fixed sleep.
     */
    public static <T> T eventually(
            String what, Duration atMost, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + atMost.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure =
                        new AssertionError(
                                "timed out after "
                                        + atMost
                                        + " waiting for "
                                        + what
                                        + "; last: "
                                        + last);
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }
}
