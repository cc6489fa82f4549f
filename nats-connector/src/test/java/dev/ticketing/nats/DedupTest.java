package dev.ticketing.nats;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DedupTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void sameMessageIdTwiceIsStoredOnceAndBothAreAcked() throws Exception {
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "ticket.updated"));
        CompletableFuture<Void> first = Fixture.send(out, "{\"v\":1}", "event-42");
        CompletableFuture<Void> again = Fixture.send(out, "{\"v\":1}", "event-42");
        CompletableFuture<Void> other = Fixture.send(out, "{\"v\":2}", "event-43");
        CompletableFuture.allOf(first, again, other).get(10, TimeUnit.SECONDS); // all three acked

        assertEquals(2, fx.streamMessageCount());
        // republished later (the outbox relay retrying) is still a success and still one copy
        Fixture.send(out, "{\"v\":1}", "event-42").get(10, TimeUnit.SECONDS);
        assertEquals(2, fx.streamMessageCount());

        TestSubscriber<Message<?>> sub = new TestSubscriber<>(Long.MAX_VALUE, Message::ack);
        fx.connector.incoming(fx.incomingConfig("in", "ticket.updated", "dedup")).subscribe(sub);
        await().atMost(Duration.ofSeconds(10)).until(() -> sub.count() == 2);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> sub.count() == 2);
    }
}
