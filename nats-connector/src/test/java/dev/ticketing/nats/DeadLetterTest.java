package dev.ticketing.nats;

import static dev.ticketing.nats.Fixture.meta;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import io.nats.client.api.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void afterMaxDeliverTheMessageGoesToTheDeadLetterSubjectAndIsNotRedelivered() throws Exception {
        List<CompletableFuture<Void>> nacks = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        Long.MAX_VALUE,
                        m ->
                                nacks.add(
                                        m.nack(
                                                        new IllegalStateException(
                                                                "boom on delivery "
                                                                        + meta(m).deliveredCount()))
                                                .toCompletableFuture()));
        fx.connector
                .incoming(
                        fx.incomingConfig("in", "orders.created", "dlq-test")
                                .with("max-deliver", "2")
                                .with("backoff", "100ms"))
                .subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders.created"));
        Fixture.send(
                        out,
                        "{\"poison\":true}",
                        OutgoingNatsMetadata.builder()
                                .messageId("evt-1")
                                .header("Content-Type", "application/json")
                                .build())
                .get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> sub.count() == 2);
        assertEquals(2, meta(sub.items().get(1)).deliveredCount());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> nacks.size() == 2 && nacks.stream().allMatch(f -> f.isDone()));
        nacks.get(1).get(); // the dead-lettering nack succeeded

        String original = fx.subject("orders.created");
        String dlqSubject = fx.prefix + ".dlq." + original;
        assertEquals(DeadLetters.subjectFor(fx.prefix, original), dlqSubject);
        MessageInfo dead = fx.withManagement(jsm -> jsm.getLastMessage(fx.stream, dlqSubject));
        assertEquals("{\"poison\":true}", new String(dead.getData(), StandardCharsets.UTF_8));
        String reason = dead.getHeaders().getFirst(DeadLetters.REASON);
        assertTrue(
                reason.contains("IllegalStateException") && reason.contains("boom on delivery 2"),
                reason);
        assertEquals(original, dead.getHeaders().getFirst(DeadLetters.ORIGINAL_SUBJECT));
        assertEquals("evt-1", dead.getHeaders().getFirst(DeadLetters.ORIGINAL_MSG_ID));
        assertEquals("2", dead.getHeaders().getFirst(DeadLetters.DELIVERED));
        assertEquals(
                Long.toString(meta(sub.items().get(0)).streamSequence()),
                dead.getHeaders().getFirst(DeadLetters.STREAM_SEQUENCE));
        assertEquals("dlq-test", dead.getHeaders().getFirst(DeadLetters.CONSUMER));
        assertEquals("application/json", dead.getHeaders().getFirst("Content-Type"));

        // Terminated: no third delivery even after ack-wait (2s), nothing left pending.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> sub.count() == 2);
        long pending =
                fx.withManagement(
                        jsm -> jsm.getConsumerInfo(fx.stream, "dlq-test").getNumAckPending());
        assertEquals(0, pending);
        assertEquals(2, fx.streamMessageCount()); // the original and its dead letter
    }
}
