package dev.ticketing.system.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;

/**
 * The people of a story who are not under test act through the public API: quicker than a browser,
 * which matters when an order holds a ticket for only 15 seconds.
 */
final class Marketplace {
    private final HttpApi http = new HttpApi();

    /** Signs up a new user; returns their session cookie ("session=..."). */
    String signUp(String email) {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/api/users/signup"),
                        "{\"email\":\"" + email + "\",\"password\":\"" + Shopper.PASSWORD + "\"}");
        assertEquals(201, reply.status(), reply.body());
        String setCookie = reply.header("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("session="), setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** Lists a ticket for the user of {@code session}; returns its id. */
    String sell(String session, String title, String price) {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/api/tickets"),
                        "{\"title\":\"" + title + "\",\"price\":" + price + "}",
                        "Cookie",
                        session);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    /** Places an order for the ticket (reserving it); returns the order's id. */
    String reserve(String session, String ticketId) {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/api/orders"),
                        "{\"ticketId\":\"" + ticketId + "\"}",
                        "Cookie",
                        session);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    /** Lists a ticket for an event (JSON of docs/api.md's "event"); returns its id. */
    String sellFor(String session, String title, String price, String eventJson) {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/api/tickets"),
                        "{\"title\":\""
                                + title
                                + "\",\"price\":"
                                + price
                                + ",\"event\":"
                                + eventJson
                                + "}",
                        "Cookie",
                        session);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    /**
     * Pays for the order with the simulated gateway's good card, once payment-service has its copy
     * of the order (404 until then).
     */
    void pay(String session, String orderId) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpApi.Reply reply =
                    http.post(
                            ServiceUnderTest.url("/api/payments"),
                            "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_visa\"}",
                            "Cookie",
                            session);
            if (reply.status() == 201) {
                return;
            }
            assertEquals(404, reply.status(), reply.body());
            assertTrue(System.nanoTime() < deadline, "payment-service never knew the order");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A title no other test run uses, so pages can be searched for it. */
    static String uniqueTitle(String what) {
        return what + " " + java.util.UUID.randomUUID().toString().substring(0, 6);
    }
}
