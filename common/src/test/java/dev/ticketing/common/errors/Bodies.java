package dev.ticketing.common.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Assertions on mapped responses. */
final class Bodies {

    private Bodies() {}

    static String message(String message) {
        return "{\"errors\":[{\"message\":\"" + message + "\"}]}";
    }

    /** Status, {@code application/json} and the exact body. */
    static void assertError(Response response, int status, String body) {
        assertEquals(status, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        assertEquals(body, response.getEntity());
    }

    static void assertError(Response response, int status, ErrorEnvelope body) {
        assertError(response, status, body.toJson());
    }
}
