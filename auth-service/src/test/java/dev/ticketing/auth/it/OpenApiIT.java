package dev.ticketing.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every route is in the OpenAPI document with examples for its body and its answers. */
class OpenApiIT {

    @Test
    void everyRouteIsDocumentedWithExamples() {
        HttpApi.Reply reply =
                Users.HTTP.get(
                        ServiceUnderTest.operatorUrl("/openapi?format=JSON"),
                        "Accept",
                        "application/json");
        assertEquals(200, reply.status(), reply.body());
        JsonObject paths = reply.json().getJsonObject("paths");
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
                    String operation = paths.getJsonObject(path).getJsonObject(method).toString();
                    assertTrue(
                            operation.contains("\"examples\""),
                            route + " has no examples: " + operation);
                });
        String signIn = paths.toString();
        assertTrue(
                signIn.contains("Invalid credentials")
                        && signIn.contains("Email in use")
                        && signIn.contains("You must supply a password")
                        && signIn.contains("Too many requests"),
                signIn);
    }
}
