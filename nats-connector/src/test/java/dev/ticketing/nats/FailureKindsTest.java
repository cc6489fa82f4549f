package dev.ticketing.nats;

import static dev.ticketing.nats.Fixture.meta;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import io.nats.client.api.MessageInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transient failures are retried as long as they last; poison goes at once; the rest has a budget.
 */
class FailureKindsTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void transientFailuresNeverUseUpThePoisonBudget() throws Exception {
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        Long.MAX_VALUE,
                        m -> {
                            long n = meta(m).deliveredCount();
                            deliveries.add(n);
                            // Six deliveries during "an outage", then a real failure on every later
                            // one.
                            m.nack(
                                    n <= 6
                                            ? new TransientFailure(
                                                    "store unreachable",
                                                    new java.net.ConnectException("refused"))
                                            : new IllegalArgumentException("cannot apply"));
                        });
        fx.connector
                .incoming(
                        fx.incomingConfig("in", "orders", "transient")
                                .with("max-deliver", "2")
                                .with("backoff", "100ms")
                                .with("transient-backoff", "50ms")
                                .with("transient-backoff-max", "200ms"))
                .subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        Fixture.send(out, "x", "x").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter() != null);
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L),
                deliveries,
                "6 transient failures, then the 2 ordinary ones max-deliver allows");
        assertEquals("8", deadLetter().getHeaders().getFirst(DeadLetters.DELIVERED));
        assertTrue(deadLetter().getHeaders().getFirst(DeadLetters.REASON).contains("cannot apply"));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> deliveries.size() == 8);
    }

    @Test
    void poisonIsDeadLetteredOnItsFirstDeliveryWithItsReason() throws Exception {
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        Long.MAX_VALUE,
                        m -> {
                            deliveries.add(meta(m).deliveredCount());
                            m.nack(new PoisonMessage("not an order event: {garbage"));
                        });
        fx.connector.incoming(fx.incomingConfig("in", "orders", "poison")).subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        Fixture.send(out, "{garbage", "g").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetter() != null);
        assertEquals("1", deadLetter().getHeaders().getFirst(DeadLetters.DELIVERED));
        assertEquals(
                "dev.ticketing.nats.PoisonMessage: not an order event: {garbage",
                deadLetter().getHeaders().getFirst(DeadLetters.REASON));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> deliveries.size() == 1);
    }

    @Test
    void theKindIsFoundAnywhereInTheCauseChain() {
        assertEquals(
                FailureKind.TRANSIENT,
                FailureKind.of(new RuntimeException(new TransientFailure("down"))));
        assertEquals(
                FailureKind.POISON,
                FailureKind.of(new IllegalStateException("x", new PoisonMessage("bad"))));
        assertEquals(FailureKind.ORDINARY, FailureKind.of(new IllegalStateException("x")));
        assertEquals(FailureKind.ORDINARY, FailureKind.of(null));
    }

    private MessageInfo deadLetter() throws Exception {
        String dlq = DeadLetters.subjectFor(fx.prefix, fx.subject("orders"));
        return fx.withManagement(
                jsm -> {
                    try {
                        return jsm.getLastMessage(fx.stream, dlq);
                    } catch (io.nats.client.JetStreamApiException notYet) {
                        return null;
                    }
                });
    }
}
