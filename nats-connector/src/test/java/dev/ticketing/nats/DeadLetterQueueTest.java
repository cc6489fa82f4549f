package dev.ticketing.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator's commands: list, show and replay dead letters, through a real stream. */
class DeadLetterQueueTest {

    private final Fixture fx = new Fixture();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private volatile boolean poisoned = true;

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** A consumer that dead-letters what it gets while {@code poisoned}, and acks it afterwards. */
    private MessageSource<Message<?>> consumerAndPublisher(String subject) {
        fx.connector
                .incoming(fx.incomingConfig("in-" + subject, subject, "dlq-" + subject))
                .subscribe(
                        new TestSubscriber<Message<?>>(
                                Long.MAX_VALUE,
                                m -> {
                                    if (poisoned) {
                                        m.nack(new PoisonMessage("the store has no such ticket"));
                                    } else {
                                        handled.add((String) m.getPayload());
                                        m.ack();
                                    }
                                }));
        return fx.outgoing(fx.outgoingConfig("out-" + subject, subject));
    }

    private String run(int expectedStatus, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[command.length + 6];
        System.arraycopy(
                new String[] {"--url", fx.url, "--stream", fx.stream, "--prefix", fx.prefix},
                0,
                args,
                0,
                6);
        System.arraycopy(command, 0, args, 6, command.length);
        int status =
                DeadLetterQueue.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed =
                out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedStatus, status, printed);
        return printed;
    }

    @Test
    void listShowAndReplayOneThenTheRest() throws Exception {
        MessageSource<Message<?>> orders = consumerAndPublisher("orders");
        MessageSource<Message<?>> tickets = consumerAndPublisher("tickets");
        Fixture.send(orders, "{\"order\":1}", "o1").get(10, TimeUnit.SECONDS);
        Fixture.send(orders, "{\"order\":2}", "o2").get(10, TimeUnit.SECONDS);
        Fixture.send(tickets, "{\"ticket\":1}", "t1").get(10, TimeUnit.SECONDS);

        try (DeadLetterQueue dlq = new DeadLetterQueue(fx.url, fx.stream, fx.prefix)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> dlq.list(Optional.empty()).size() == 3);
            List<DeadLetterQueue.DeadLetter> all = dlq.list(Optional.empty());
            // Oldest first means in the order they were dead-lettered (stream sequence). The two
            // subjects' consumers dead-letter concurrently, so how orders and tickets interleave
            // is not given; which ones are there is.
            List<Long> sequences = all.stream().map(DeadLetterQueue.DeadLetter::id).toList();
            assertEquals(sequences.stream().sorted().toList(), sequences, "oldest first");
            assertEquals(
                    List.of(fx.subject("orders"), fx.subject("orders"), fx.subject("tickets")),
                    all.stream()
                            .map(DeadLetterQueue.DeadLetter::originalSubject)
                            .sorted()
                            .toList());
            assertEquals(2, dlq.list(Optional.of(fx.subject("orders"))).size());

            assertEquals("3", run(0, "count").strip());
            String listed = run(0, "list");
            assertTrue(
                    listed.contains("3 dead letter(s)")
                            && listed.contains("the store has no such ticket")
                            && listed.contains("dlq-orders"),
                    listed);
            // The orders consumer dead-letters its two in order: its first is order 1 (the tickets
            // consumer's may come before it, see above).
            long first =
                    all.stream()
                            .filter(d -> d.originalSubject().equals(fx.subject("orders")))
                            .findFirst()
                            .orElseThrow()
                            .id();
            String shown = run(0, "show", Long.toString(first));
            assertTrue(
                    shown.contains("Original subject: " + fx.subject("orders"))
                            && shown.contains("{\"order\":1}")
                            && shown.contains(
                                    "Ticketing-Dlq-Reason: dev.ticketing.nats.PoisonMessage: the store has no such ticket"),
                    shown);

            // The cause is fixed; replaying one brings it back to its consumer and removes the dead
            // letter.
            poisoned = false;
            run(0, "replay", Long.toString(first));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> handled.equals(List.of("{\"order\":1}")));
            assertEquals(2, dlq.list(Optional.empty()).size());
            assertTrue(
                    run(1, "replay", Long.toString(first)).contains("no dead letter " + first),
                    "gone once replayed");

            run(0, "replay", "--subject", fx.subject("tickets"));
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("{\"ticket\":1}"));
            run(0, "replay", "--all");
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("{\"order\":2}"));
            assertEquals(List.of(), dlq.list(Optional.empty()));
            assertTrue(run(0, "list").contains("No dead letters"));
        }
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> handled.size() == 3);
    }

    @Test
    void aReplayRepeatedAfterACrashBetweenPublishAndDeleteIsStoredOnce() throws Exception {
        MessageSource<Message<?>> orders = consumerAndPublisher("orders");
        Fixture.send(orders, "{\"order\":9}", "o9").get(10, TimeUnit.SECONDS);
        try (DeadLetterQueue dlq = new DeadLetterQueue(fx.url, fx.stream, fx.prefix)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> dlq.list(Optional.empty()).size() == 1);
            DeadLetterQueue.DeadLetter dead = dlq.list(Optional.empty()).get(0);
            poisoned = false;
            long before = fx.streamMessageCount();
            // The same dead letter replayed twice: the second publish is a duplicate the stream
            // drops.
            long seq = dlq.replay(dead);
            try (var c = dev.ticketing.nats.testing.NatsTestServer.connect(fx.url)) {
                var ack =
                        c.jetStream()
                                .publish(
                                        dead.originalSubject(),
                                        new io.nats.client.impl.Headers()
                                                .put(
                                                        "Nats-Msg-Id",
                                                        "replay-" + fx.stream + "-" + dead.id()),
                                        dead.data());
                assertTrue(
                        ack.isDuplicate(), "the repeated replay is a duplicate of sequence " + seq);
            }
            assertEquals(
                    before, fx.streamMessageCount(), "one event replayed, the dead letter deleted");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> handled.equals(List.of("{\"order\":9}")));
    }

    @Test
    void usageAndUnknownIds() {
        assertTrue(run(2).contains("usage: ticketing dlq"));
        assertTrue(run(2, "explode").contains("usage"));
        assertTrue(run(1, "show", "999999").contains("no dead letter 999999"));
        assertTrue(run(2, "show", "abc").contains("an ID is the number"));
    }
}
