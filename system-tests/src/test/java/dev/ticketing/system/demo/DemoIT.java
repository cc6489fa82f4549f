package dev.ticketing.system.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.operations.Demo;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
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

        Demo.Outcome again = demo.load(12, 60, domain);
        assertEquals(0, again.created(), "nothing twice");
        assertEquals(60, again.kept());

        // Each of the twelve cities has one event and five listings of it, every one with a seat.
        HttpApi http = new HttpApi();
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
