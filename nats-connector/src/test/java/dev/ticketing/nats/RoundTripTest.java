package dev.ticketing.nats;

import static dev.ticketing.nats.Fixture.meta;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void outgoingPublishesAndIncomingReceivesPayloadSubjectAndHeaders() throws Exception {
        TestSubscriber<Message<?>> received = new TestSubscriber<>(Long.MAX_VALUE, Message::ack);
        fx.connector.incoming(fx.incomingConfig("in", "ticket.>", "rt")).subscribe(received);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "ticket.created"));

        CompletableFuture<Void> first = Fixture.send(out, "{\"n\":1}", "id-1");
        CompletableFuture<Void> second =
                Fixture.send(
                        out,
                        "{\"n\":2, \"text\":\"žluťoučký\"}",
                        OutgoingNatsMetadata.builder()
                                .messageId("id-2")
                                .subject(fx.subject("ticket.updated"))
                                .header("Content-Type", "application/json")
                                .header("X-Trace", "a")
                                .header("X-Trace", "b")
                                .build());
        CompletableFuture.allOf(first, second)
                .get(10, TimeUnit.SECONDS); // both acked by the outgoing channel

        await().atMost(Duration.ofSeconds(10)).until(() -> received.count() == 2);
        Message<?> m1 = received.items().get(0);
        Message<?> m2 = received.items().get(1);
        assertEquals("{\"n\":1}", m1.getPayload());
        assertEquals(fx.subject("ticket.created"), meta(m1).subject());
        assertEquals("id-1", meta(m1).messageId().orElseThrow());
        assertEquals(1, meta(m1).deliveredCount());
        assertEquals(fx.stream, meta(m1).stream());
        assertEquals("rt", meta(m1).consumer());
        assertTrue(meta(m1).streamSequence() > 0);
        assertNotNull(meta(m1).timestamp());

        assertEquals("{\"n\":2, \"text\":\"žluťoučký\"}", m2.getPayload());
        assertEquals(fx.subject("ticket.updated"), meta(m2).subject());
        assertEquals("id-2", meta(m2).header("Nats-Msg-Id").orElseThrow());
        assertEquals("application/json", meta(m2).header("Content-Type").orElseThrow());
        assertEquals(List.of("a", "b"), meta(m2).headers().get("X-Trace"));
        assertEquals(meta(m1).streamSequence() + 1, meta(m2).streamSequence());
        assertNotNull(m2.unwrap(io.nats.client.Message.class));
        assertEquals(2, fx.streamMessageCount());
    }

    @Test
    void bytesPayloadTypeDeliversRawBytes() throws Exception {
        TestSubscriber<Message<?>> received = new TestSubscriber<>(Long.MAX_VALUE, Message::ack);
        fx.connector
                .incoming(fx.incomingConfig("in", "bin", "bin").with("payload-type", "bytes"))
                .subscribe(received);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "bin"));
        byte[] body = {0, 1, 2, (byte) 0xff};

        Fixture.send(out, body, OutgoingNatsMetadata.withMessageId("b-1"))
                .get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.count() == 1);
        assertArrayEquals(body, (byte[]) received.items().get(0).getPayload());
        Fixture.send(out, "text", "b-2").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.count() == 2);
        assertArrayEquals(
                "text".getBytes(StandardCharsets.UTF_8),
                (byte[]) received.items().get(1).getPayload());
    }

    @Test
    void factoryMethodsWrapTheChannels() {
        assertNotNull(fx.connector.getPublisherBuilder(fx.incomingConfig("in", "x", "factory")));
        assertNotNull(fx.connector.getSubscriberBuilder(fx.outgoingConfig("out", "x")));
        assertTrue(fx.connector.isConnected());
        assertEquals("CONNECTED", fx.connector.connectionStates().get(fx.url));
    }

    @Test
    void incomingHonoursRequestedDemand() throws Exception {
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "demand"));
        for (int i = 0; i < 10; i++) {
            Fixture.send(out, "m" + i, "d-" + i).get(10, TimeUnit.SECONDS);
        }
        TestSubscriber<Message<?>> received = new TestSubscriber<>(3, Message::ack);
        fx.connector.incoming(fx.incomingConfig("in", "demand", "demand")).subscribe(received);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.count() == 3);
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> received.count() == 3);
        received.request(7);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.count() == 10);
    }
}
