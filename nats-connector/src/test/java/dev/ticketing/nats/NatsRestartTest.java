package dev.ticketing.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MapConfig;
import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.nats.testing.TestSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A private nats-server is stopped and started again (same port, same store) mid-stream. */
class NatsRestartTest {

    private final NatsTestServer server = NatsTestServer.startPrivate();
    private final Fixture fx = new Fixture(server.url());

    @AfterEach
    void tearDown() {
        fx.close();
        server.close();
    }

    @Test
    void consumerReceivesEverythingAcrossARestartAndOnlyUnackedOnesTwice() throws Exception {
        // Held messages are not reported in progress here, so unsettled ones come back after
        // ack-wait.
        MapConfig in =
                fx.incomingConfig("in", "events", "survivor")
                        .with("storage", "file")
                        .with("max-in-progress", "1ms");
        MapConfig outConfig = fx.outgoingConfig("out", "events").with("storage", "file");
        MessageSource<Message<?>> out = fx.outgoing(outConfig);
        publish(out, 0, 30);

        // m15..m19 are left unacknowledged on their first delivery: only they may come twice.
        Set<String> leftUnacked = Set.of("m15", "m16", "m17", "m18", "m19");
        List<String> received = new CopyOnWriteArrayList<>();
        Set<String> ackConfirmed = ConcurrentHashMap.newKeySet();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        20,
                        m -> {
                            String p = (String) m.getPayload();
                            received.add(p);
                            if (!leftUnacked.contains(p) || Fixture.meta(m).deliveredCount() > 1) {
                                m.ack().thenRun(() -> ackConfirmed.add(p));
                            }
                        });
        fx.connector.incoming(in).subscribe(sub);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> received.size() == 20 && ackConfirmed.size() == 15);
        sub.request(Long.MAX_VALUE); // the worker is now pulling when the server goes away
        await().atMost(Duration.ofSeconds(10)).until(() -> ackConfirmed.size() == 25);
        Set<String> ackedBeforeRestart = Set.copyOf(ackConfirmed);

        server.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !fx.connector.isConnected());
        // stay down longer than fetch-expires (1s), so pulls fail and are retried meanwhile
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !fx.connector.isConnected());
        server.start();
        await().atMost(Duration.ofSeconds(20)).until(fx.connector::isConnected);
        publish(out, 30, 60);

        await().atMost(Duration.ofSeconds(40))
                .until(() -> Set.copyOf(received).size() == 60 && ackConfirmed.size() == 60);
        Map<String, Long> counts =
                received.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (String acked : ackedBeforeRestart) {
            assertEquals(
                    1L,
                    counts.get(acked),
                    acked + " was acked before the restart and must not come back");
        }
        Set<String> duplicates =
                counts.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
        System.out.println(
                "[NatsRestartTest] "
                        + received.size()
                        + " deliveries of 60 messages; redelivered: "
                        + new java.util.TreeSet<>(duplicates));
        assertEquals(
                leftUnacked, duplicates, "exactly the unacknowledged messages were redelivered");
        assertEquals(60, fx.streamMessageCount(), "nothing lost, nothing duplicated in the stream");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                fx.withManagement(
                                                jsm ->
                                                        jsm.getConsumerInfo(fx.stream, "survivor")
                                                                .getNumAckPending())
                                        == 0);
        assertTrue(fx.connector.isConnected());
    }

    private static void publish(MessageSource<Message<?>> out, int from, int to) throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            acks.add(Fixture.send(out, "m" + i, "id-" + i));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    }
}
