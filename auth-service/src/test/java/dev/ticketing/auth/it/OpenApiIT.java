package dev.ticketing.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every route is in the OpenAPI document with examples for each of its answers (declared once as
 * components: a route names them by $ref).
 */
class OpenApiIT {

    @Test
    void everyRouteIsDocumentedWithExamples() {
        HttpApi.Reply reply =
                Users.HTTP.get(
                        ServiceUnderTest.operatorUrl("/openapi?format=JSON"),
                        "Accept",
                        "application/json");
        assertEquals(200, reply.status(), reply.body());
        JsonObject document = reply.json();
        JsonObject paths = document.getJsonObject("paths");
        Map<String, String> routes =
                Map.of(
                        "/signup",
                        "post",
                        "/signin",
                        "post",
                        "/signout",
                        "post",
                        "/currentuser",
                        "get");
        routes.forEach(
                (route, method) -> {
                    String path =
                            paths.keySet().stream()
                                    .filter(
                                            p ->
                                                    p.endsWith("/api/users" + route)
                                                            || p.equals(route))
                                    .findFirst()
                                    .orElseThrow(
                                            () ->
                                                    new AssertionError(
                                                            route + " not in " + paths.keySet()));
                    JsonObject operation = paths.getJsonObject(path).getJsonObject(method);
                    operation
                            .getJsonObject("responses")
                            .forEach(
                                    (status, declared) -> {
                                        JsonObject response =
                                                resolved(document, declared.asJsonObject());
                                        assertTrue(
                                                response.toString().contains("\"examples\""),
                                                route
                                                        + " "
                                                        + status
                                                        + " has no examples: "
                                                        + response);
                                    });
                });
        String signIn = document.toString();
        assertTrue(
                signIn.contains("Invalid credentials")
                        && signIn.contains("Email in use")
                        && signIn.contains("You must supply a password")
                        && signIn.contains("Too many requests"),
                signIn);
    }

    /** The response itself, or the component its $ref names. */
    private static JsonObject resolved(JsonObject document, JsonObject response) {
        String ref = response.getString("$ref", null);
        if (ref == null) {
            return response;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }
}
