package dev.ticketing.it.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.TestRun;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.impl.Headers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inside Liberty's Reactive Messaging (SmallRye): a settlement that cannot reach NATS does not end
 * a channel settled by the service kit, and a channel an application bug ends is reported by
 * liveness, with its name and why.
 */
class ChannelNeverEndsInLibertyIT {
    private static final String RUN = TestRun.id();
    private static final String STREAM = "PROBE-" + RUN;
    private static Connection nats;
    private final HttpApi http = new HttpApi();

    @BeforeAll
    static void connect() throws Exception {
        nats = Nats.connect(NatsTestServer.shared());
    }

    @AfterAll
    static void close() throws Exception {
        nats.close();
    }

    private static void publish(String subject, String payload) throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(
                        () -> {
                            nats.jetStream()
                                    .publish(
                                            subject,
                                            new Headers()
                                                    .add(
                                                            "Nats-Msg-Id",
                                                            UUID.randomUUID().toString()),
                                            payload.getBytes(StandardCharsets.UTF_8));
                            return true;
                        });
    }

    private JsonObject hold() {
        return http.get(ServiceUnderTest.url("/probe/messaging/hold")).json();
    }

    @Test
    void anAckThatCannotBeDeliveredLeavesTheChannelConsuming() throws Exception {
        publish("probe-" + RUN + ".hold", "hold");
        await().atMost(Duration.ofSeconds(60)).until(() -> hold().getBoolean("holding"));

        // While the handler holds the message, its consumer goes away: the ack has nowhere to go.
        nats.jetStreamManagement().deleteConsumer(STREAM, "probe-hold");
        http.post(ServiceUnderTest.url("/probe/messaging/hold/release"), "");
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                hold().getJsonArray("handled").stream()
                                        .anyMatch(
                                                v ->
                                                        ((jakarta.json.JsonString) v)
                                                                .getString()
                                                                .equals("hold")));

        String after = "after-" + UUID.randomUUID();
        publish("probe-" + RUN + ".hold", after);
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                hold().getJsonArray("handled").stream()
                                        .anyMatch(
                                                v ->
                                                        ((jakarta.json.JsonString) v)
                                                                .getString()
                                                                .equals(after)));
        String channel = livenessData().getString("probe-hold", "");
        assertTrue(channel.startsWith("UP"), "probe-hold still consumes: " + channel);
    }

    @Test
    void aChannelAnApplicationBugEndsMakesLivenessDownNamingIt() throws Exception {
        publish("probe-" + RUN + ".broken", "break");
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                http.get(ServiceUnderTest.operatorUrl("/health/live")).status()
                                        == 503);
        assertEquals(
                "DOWN: ended: cancelled by the application",
                livenessData().getString("probe-broken"));
    }

    private JsonObject livenessData() {
        HttpApi.Reply live = http.get(ServiceUnderTest.operatorUrl("/health/live"));
        for (JsonValue check : live.json().getJsonArray("checks")) {
            if (check.asJsonObject().getString("name").equals("liberty-it")) {
                return check.asJsonObject().getJsonObject("data");
            }
        }
        throw new AssertionError("no liberty-it liveness check: " + live.body());
    }
}
