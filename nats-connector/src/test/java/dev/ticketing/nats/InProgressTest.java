package dev.ticketing.nats;

import static dev.ticketing.nats.Fixture.meta;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A message the application still works on is reported in progress, so it is not handed out twice.
 */
class InProgressTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aMessageHeldLongerThanAckWaitIsNotRedeliveredUntilMaxInProgress() throws Exception {
        List<Long> deliveries = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(Long.MAX_VALUE, m -> deliveries.add(meta(m).deliveredCount()));
        // ack-wait 2s: held for 6s it would have come back twice without progress reports.
        IncomingChannel channel =
                fx.connector.incoming(
                        fx.incomingConfig("in", "slow", "slow").with("max-in-progress", "6s"));
        channel.subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "slow"));
        Fixture.send(out, "a long Stripe call", "s").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() == 1);
        assertEquals(1, channel.inHand());
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(6))
                .until(() -> deliveries.size() == 1);
        // Past max-in-progress the channel stops reporting it: JetStream redelivers it after
        // ack-wait.
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() == 2);
        assertEquals(List.of(1L, 2L), deliveries);
    }
}
