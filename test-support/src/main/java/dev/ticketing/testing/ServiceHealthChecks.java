package dev.ticketing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Assertions on a running service's MicroProfile Health and OpenAPI endpoints. */
public final class ServiceHealthChecks {
    private static final HttpApi HTTP = new HttpApi();

    private ServiceHealthChecks() {
    }

    /** /health/ready answers 200 UP and contains an UP check with the given name. */
    public static void assertReady(String checkName) {
        HttpApi.Reply reply = HTTP.get(ServiceUnderTest.url("/health/ready"));
        assertEquals(200, reply.status(), "readiness: " + reply.body());
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"), reply.body());
        boolean found = health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(c -> checkName.equals(c.getString("name")) && "UP".equals(c.getString("status")));
        assertTrue(found, "no UP readiness check named " + checkName + " in " + reply.body());
    }

    /** /openapi serves a document (JSON) whose info.title is the given title. */
    public static void assertOpenApiTitle(String title) {
        HttpApi.Reply reply = HTTP.get(ServiceUnderTest.url("/openapi?format=JSON"), "Accept", "application/json");
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.body().contains(title), "OpenAPI document does not name " + title + ": " + reply.body());
    }
}
