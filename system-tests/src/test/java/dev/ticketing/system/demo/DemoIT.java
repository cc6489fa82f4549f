package dev.ticketing.system.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.operations.Demo;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code ./ticketing demo} (the operations module's {@link Demo}) against the platform, small: the
 * catalogue goes in through the public API, a buyer finds it by city and event, every listing has
 * its event and seat, and loading it again adds nothing.
 */
class DemoIT {

    @Test
    void theCatalogueLoadsThroughTheApiOnceHoweverOftenItIsLoaded() throws Exception {
        // Its own users, so that this test's catalogue is told apart from any other.
        String domain = "demo-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        Demo demo = new Demo(ServiceUnderTest.url("/"));

        Demo.Outcome first = demo.load(12, 60, domain);
        assertEquals(60, first.created());
        assertEquals(0, first.kept());
        assertEquals(5, first.emails().size(), "four sellers and a buyer");
        assertEquals(0, first.notYetOrderable());

        // The moment it finishes, the demo buyer can order any listing, the last listed first
        // (order-service learns of a listing from its ticket.created, a little after its 201).
        HttpApi http = new HttpApi();
        HttpApi.Reply signedIn =
                http.post(
                        ServiceUnderTest.url("/api/users/signin"),
                        "{\"email\":\"demo-buyer@"
                                + domain
                                + "\",\"password\":\""
                                + Demo.PASSWORD
                                + "\"}");
        assertEquals(200, signedIn.status(), signedIn.body());
        String buyer = signedIn.header("Set-Cookie").orElseThrow().split(";", 2)[0];
        List<String> lastListedFirst = new ArrayList<>(first.createdIds());
        Collections.reverse(lastListedFirst);
        for (String ticketId : lastListedFirst) {
            HttpApi.Reply ordered =
                    http.post(
                            ServiceUnderTest.url("/api/orders"),
                            "{\"ticketId\":\"" + ticketId + "\"}",
                            "Cookie",
                            buyer);
            assertEquals(201, ordered.status(), ticketId + ": " + ordered.body());
            // Let it go again, so the buyer's hold slots never run out.
            HttpApi.Reply cancelled =
                    http.delete(
                            ServiceUnderTest.url("/api/orders/" + ordered.json().getString("id")),
                            "Cookie",
                            buyer);
            assertEquals(204, cancelled.status(), cancelled.body());
        }

        Demo.Outcome again = demo.load(12, 60, domain);
        assertEquals(0, again.created(), "nothing twice");
        assertEquals(60, again.kept());

        // Each of the twelve cities has one event and five listings of it, every one with a seat.
        HttpApi.Reply lyon =
                http.get(ServiceUnderTest.url("/api/tickets?city=lyon&sort=soonest&limit=100"));
        assertEquals(200, lyon.status(), lyon.body());
        List<JsonObject> found =
                lyon.jsonArray().getValuesAs(JsonObject.class).stream()
                        .filter(t -> t.getString("title").contains("Lyon #1 "))
                        .toList();
        assertEquals(5, found.size(), lyon.body());
        assertTrue(
                found.stream()
                        .allMatch(
                                t ->
                                        t.getJsonObject("event").getString("city").equals("Lyon")
                                                && t.containsKey("seat")),
                lyon.body());
    }
}
