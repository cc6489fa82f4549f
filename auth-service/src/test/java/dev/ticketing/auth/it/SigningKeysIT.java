package dev.ticketing.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.CrashDrill;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServerCopy;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * auth-service is ready only once its key set is published. Liberty builds the JWKS it serves on
 * the first request for it, and first requests that arrive together can fail while one of them
 * builds it (a ConcurrentModificationException in Liberty's JWKProvider, answered 500): every other
 * service then refused the first sessions it saw (401), as the first flash sale on a fresh platform
 * showed. So readiness makes that first request on its own, and names it {@code signing-keys}.
 */
class SigningKeysIT {
    private static final String JWKS = "/jwt/ibm/api/ticketing/jwk";
    private static final int CALLERS = 32;

    @Test
    void aFreshServerIsReadyWithItsKeySetPublishedToEveryoneWhoAsksAtOnce() throws Exception {
        try (CrashDrill drill = CrashDrill.of("signing-keys", Map.of())) {
            ServerCopy server = drill.server();
            server.start(Map.of());

            HttpApi.Reply readiness = server.readiness();
            assertEquals(200, readiness.status(), readiness.body());
            JsonObject auth =
                    readiness.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                            .filter(c -> "auth-service".equals(c.getString("name")))
                            .findFirst()
                            .orElseThrow();
            assertEquals(
                    "UP", auth.getJsonObject("data").getString("signing-keys"), auth.toString());

            // The services ask for the key set together when the first sessions reach them.
            HttpApi http = new HttpApi();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpApi.Reply>> answers = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    answers.add(
                            callers.submit(
                                    () -> {
                                        go.await();
                                        return http.get(server.operatorUrl(JWKS));
                                    }));
                }
                go.countDown();
                for (Future<HttpApi.Reply> answer : answers) {
                    HttpApi.Reply keys = answer.get();
                    assertEquals(200, keys.status(), keys.body());
                    assertTrue(
                            keys.json().getJsonArray("keys").getJsonObject(0).containsKey("n"),
                            keys.body());
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
