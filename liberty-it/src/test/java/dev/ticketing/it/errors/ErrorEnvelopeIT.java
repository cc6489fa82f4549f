package dev.ticketing.it.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can fail reaches the client as docs/api.md's error envelope with the right
 * status, inside a real Liberty server: common/'s mappers are picked up from WEB-INF/lib and win
 * over Liberty's own defaults.
 */
class ErrorEnvelopeIT {
    private final HttpApi http = new HttpApi();

    private static void assertEnvelope(HttpApi.Reply reply, int status, String message) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(
                reply.header("Content-Type").orElse("").startsWith("application/json"),
                "content type: " + reply.header("Content-Type"));
        JsonObject body = reply.json();
        assertEquals(1, body.getJsonArray("errors").size(), reply.body());
        JsonObject error = body.getJsonArray("errors").getJsonObject(0);
        assertEquals(message, error.getString("message"), reply.body());
        assertFalse(error.containsKey("field"), reply.body());
    }

    private static Map<String, String> fieldMessages(HttpApi.Reply reply) {
        return reply.json().getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("message")));
    }

    @Test
    void aValidBodyPasses() {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/probe/errors/validated"),
                        "{\"title\":\"Concert\",\"price\":10.5,\"contact\":\"a@b.co\",\"code\":\"abcd\",\"quantity\":2}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("Concert", reply.json().getString("title"));
    }

    @Test
    void beanValidationFailuresNameTheirJsonFields() {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/probe/errors/validated"),
                        "{\"title\":\"  \",\"price\":-1,\"contact\":\"not-an-email\",\"code\":\"ab\"}");
        assertEquals(400, reply.status(), reply.body());
        assertEquals(
                Map.of(
                        "title", "Title is required",
                        "price", "Price must be greater than 0",
                        "contact", "Email must be valid",
                        "code", "Code must be between 4 and 20 characters"),
                fieldMessages(reply));
    }

    @Test
    void aMissingRequiredFieldIsAValidationFailure() {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/probe/errors/validated"), "{\"title\":\"Concert\"}");
        assertEquals(400, reply.status(), reply.body());
        assertEquals(Map.of("price", "Price must be greater than 0"), fieldMessages(reply));
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpApi.Reply reply =
                http.post(ServiceUnderTest.url("/probe/errors/validated"), "{\"title\": \"Conc");
        assertEquals(400, reply.status(), reply.body());
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertFalse(reply.body().contains("RESTEASY"), reply.body());
    }

    @Test
    void wrongJsonTypesAreABadRequest() {
        HttpApi.Reply reply =
                http.post(
                        ServiceUnderTest.url("/probe/errors/validated"),
                        "{\"title\":\"Concert\",\"price\":10,\"quantity\":\"many\"}");
        assertEquals(400, reply.status(), reply.body());
        assertFalse(reply.body().contains("Exception"), reply.body());
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        HttpApi.Reply reply = http.post(ServiceUnderTest.url("/probe/errors/validated"), "");
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.body().contains("\"errors\""), reply.body());
    }

    @Test
    void aJsonArrayWhereAnObjectBelongsIsABadRequest() {
        HttpApi.Reply reply = http.post(ServiceUnderTest.url("/probe/errors/validated"), "[1,2]");
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.body().contains("\"errors\""), reply.body());
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"price\":1}";
        HttpApi.Reply reply = http.post(ServiceUnderTest.url("/probe/errors/validated"), huge);
        assertEnvelope(reply, 413, "Request body too large");
    }

    @Test
    void aBusinessRuleIsA400WithItsMessage() {
        assertEnvelope(
                http.get(ServiceUnderTest.url("/probe/errors/business")),
                400,
                "Ticket is already reserved");
    }

    @Test
    void anUnknownResourceIsA404() {
        assertEnvelope(http.get(ServiceUnderTest.url("/probe/errors/missing")), 404, "Not Found");
    }

    @Test
    void anUnknownRouteIsA404() {
        assertEnvelope(http.get(ServiceUnderTest.url("/probe/no/such/route")), 404, "Not Found");
    }

    @Test
    void notTheOwnerIsA401() {
        assertEnvelope(
                http.get(ServiceUnderTest.url("/probe/errors/not-yours")), 401, "Not authorized");
    }

    @Test
    void aWrongMethodIsA405InTheEnvelope() {
        HttpApi.Reply reply = http.delete(ServiceUnderTest.url("/probe/errors/business"));
        assertEquals(405, reply.status(), reply.body());
        assertTrue(reply.body().contains("\"errors\""), reply.body());
    }

    @Test
    void aWrongContentTypeIsA415InTheEnvelope() {
        HttpApi.Reply reply =
                http.send(
                        HttpRequest.newBuilder(ServiceUnderTest.url("/probe/errors/validated"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("title=Concert")));
        assertEquals(415, reply.status(), reply.body());
        assertTrue(reply.body().contains("\"errors\""), reply.body());
    }

    @Test
    void anUnexpectedFailureIsA500ThatLeaksNothing() {
        HttpApi.Reply reply = http.get(ServiceUnderTest.url("/probe/errors/crash"));
        assertEnvelope(reply, 500, "Something went wrong");
        assertFalse(reply.body().contains("hunter2"), reply.body());
        assertFalse(reply.body().contains("IllegalStateException"), reply.body());
        assertFalse(reply.body().contains("at dev.ticketing"), reply.body());
    }
}
