package dev.ticketing.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.nats.testing.MapConfig;
import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsumerRestartTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void rebuiltChannelWithTheSameDurableReceivesOnlyTheRest() throws Exception {
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        for (int i = 0; i < 10; i++) {
            Fixture.send(out, "m" + i, "id-" + i).get(10, TimeUnit.SECONDS);
        }
        MapConfig config = fx.incomingConfig("in", "orders", "restart");

        List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> first =
                new TestSubscriber<>(5, m -> acks.add(m.ack().toCompletableFuture()));
        IncomingChannel channel = fx.connector.incoming(config);
        channel.subscribe(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> acks.size() == 5);
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), payloads(first));

        first.cancel();
        channel.close();

        TestSubscriber<Message<?>> second = new TestSubscriber<>(Long.MAX_VALUE, Message::ack);
        fx.connector.incoming(config).subscribe(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.count() == 5);
        // past ack-wait (2s): nothing acked comes back, nothing else arrives
        await().during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(4))
                .until(() -> second.count() == 5);
        assertEquals(
                IntStream.range(5, 10).mapToObj(i -> "m" + i).collect(Collectors.toList()),
                payloads(second));
        assertEquals(5, first.count());
    }

    private static List<String> payloads(TestSubscriber<Message<?>> s) {
        return s.items().stream().map(m -> (String) m.getPayload()).collect(Collectors.toList());
    }
}
