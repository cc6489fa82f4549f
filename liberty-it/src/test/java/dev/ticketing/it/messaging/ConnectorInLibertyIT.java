package dev.ticketing.it.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import dev.ticketing.testing.TestRun;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liberty picks up the application-provided {@code @Connector("nats-jetstream")} with no server.xml
 * setting, and both directions work through Reactive Messaging inside the server.
 */
class ConnectorInLibertyIT {
    private static final String RUN = TestRun.id();
    private static final String STREAM = "PROBE-" + RUN;
    private static final String IN = "probe-" + RUN + ".in";
    private static final String OUT = "probe-" + RUN + ".out";

    private static Connection nats;
    private final HttpApi http = new HttpApi();

    @BeforeAll
    static void connect() throws Exception {
        nats = Nats.connect(NatsTestServer.shared());
    }

    @AfterAll
    static void removeTheRunsStream() throws Exception {
        try {
            nats.jetStreamManagement().deleteStream(STREAM);
        } finally {
            nats.close();
        }
    }

    @Test
    void theIncomingChannelReceivesWhatIsPublishedToItsSubject() throws Exception {
        awaitStream();
        String id = UUID.randomUUID().toString();
        Headers headers = new Headers().add("Nats-Msg-Id", id);
        nats.jetStream()
                .publish(
                        NatsMessage.builder()
                                .subject(IN)
                                .headers(headers)
                                .data("hello " + id, StandardCharsets.UTF_8)
                                .build());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> {
                            JsonObject received =
                                    http
                                            .get(ServiceUnderTest.url("/probe/messaging/received"))
                                            .jsonArray()
                                            .stream()
                                            .map(JsonValue::asJsonObject)
                                            .filter(
                                                    r ->
                                                            r.getString("payload")
                                                                    .equals("hello " + id))
                                            .findFirst()
                                            .orElse(null);
                            assertNotNull(received, "probe-in has not received the message yet");
                            assertEquals(IN, received.getString("subject"));
                            assertEquals(id, received.getString("messageId"));
                        });
        String metrics =
                http.get(ServiceUnderTest.operatorUrl("/metrics?scope=application")).body();
        assertTrue(
                metrics.lines()
                        .anyMatch(
                                l ->
                                        l.startsWith("ticketing_events_consumed_total{")
                                                && l.contains("subject=\"" + IN + "\"")),
                metrics);
    }

    @Test
    void theOutgoingChannelPublishesWithTheEventIdAndAcksAfterTheStreamStoredIt() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpApi.Reply reply = send(id, "sold " + id);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("acked"), reply.body());

        // The ack came after the publish ack: the stream already holds the message, under its id.
        JetStreamManagement jsm = nats.jetStreamManagement();
        MessageInfo last = jsm.getLastMessage(STREAM, OUT);
        assertEquals("sold " + id, new String(last.getData(), StandardCharsets.UTF_8));
        assertEquals(id, last.getHeaders().getFirst("Nats-Msg-Id"));

        // ...and counted it, per subject, on /metrics.
        String metrics =
                http.get(ServiceUnderTest.operatorUrl("/metrics?scope=application")).body();
        assertTrue(
                metrics.lines()
                        .anyMatch(
                                l ->
                                        l.startsWith("ticketing_events_published_total{")
                                                && l.contains("subject=\"" + OUT + "\"")),
                metrics);
    }

    @Test
    void aRepublishedEventIdIsStoredOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            HttpApi.Reply reply = send(id, "once " + id);
            assertEquals(200, reply.status(), reply.body());
        }
        long before = streamInfo().getStreamState().getMsgCount();
        String other = UUID.randomUUID().toString();
        assertEquals(200, send(other, "other").status());
        long after = streamInfo().getStreamState().getMsgCount();
        assertEquals(before + 1, after, "a new id adds one message");
        long copies = 0;
        for (long seq = streamInfo().getStreamState().getFirstSequence();
                seq <= streamInfo().getStreamState().getLastSequence();
                seq++) {
            try {
                MessageInfo m = nats.jetStreamManagement().getMessage(STREAM, seq);
                if (m.getHeaders() != null && id.equals(m.getHeaders().getFirst("Nats-Msg-Id"))) {
                    copies++;
                }
            } catch (io.nats.client.JetStreamApiException deleted) {
                // a gap in the sequence: nothing stored there
            }
        }
        assertEquals(1, copies, "the stream holds the event once although it was published twice");
    }

    private HttpApi.Reply send(String id, String payload) {
        return http.send(
                HttpRequest.newBuilder(ServiceUnderTest.url("/probe/messaging/send?id=" + id))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(payload)));
    }

    private static StreamInfo streamInfo() throws Exception {
        return nats.jetStreamManagement().getStreamInfo(STREAM);
    }

    private static void awaitStream() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> streamInfo() != null);
    }
}
