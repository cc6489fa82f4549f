package dev.ticketing.nats;

import static dev.ticketing.nats.Fixture.meta;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.nats.testing.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever happens to the settlement of one message, its stage completes normally (a failed stage
 * would end the application's channel in SmallRye) and the next messages are still delivered. Each
 * test holds a message, breaks the way its ack or nack travels, settles it, then sends more.
 */
class ChannelNeverEndsTest {

    private NatsTestServer privateServer;
    private Fixture fx;

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
        if (privateServer != null) {
            privateServer.close();
        }
    }

    @Test
    void anAckAfterItsConsumerWasDeletedCompletesAndLaterMessagesStillFlow() throws Exception {
        fx = new Fixture();
        RecordingCounters counted = new RecordingCounters();
        fx.connector.countWith(counted);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<CompletableFuture<Void>> acks = new CopyOnWriteArrayList<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        // The handler holds the first message on the channel's own thread and asks for one message
        // at a
        // time, as SmallRye runs handlers: no pull is waiting on the server when the consumer goes.
        List<TestSubscriber<Message<?>>> self = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        1,
                        m -> {
                            if ("hold".equals(m.getPayload()) && holding.getCount() == 1) {
                                holding.countDown();
                                try {
                                    release.await(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                acks.add(m.ack().toCompletableFuture());
                            } else {
                                handled.add((String) m.getPayload());
                                m.ack();
                            }
                            self.get(0).request(1);
                        });
        self.add(sub);
        IncomingChannel channel = fx.connector.incoming(fx.incomingConfig("in", "orders", "gone"));
        channel.subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        Fixture.send(out, "hold", "h").get(10, TimeUnit.SECONDS);
        assertTrue(holding.await(10, TimeUnit.SECONDS));

        fx.withManagement(jsm -> jsm.deleteConsumer(fx.stream, "gone"));
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> acks.size() == 1);
        assertNull(
                acks.get(0).get(15, TimeUnit.SECONDS),
                "the ack's stage completes normally although nobody confirmed it");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> counted.get("settleFailed", fx.subject("orders")) == 1);

        Fixture.send(out, "after-1", "a1").get(10, TimeUnit.SECONDS);
        Fixture.send(out, "after-2", "a2").get(10, TimeUnit.SECONDS);
        // The worker notices the consumer is gone and sets it up again (it starts from the stream's
        // beginning).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> handled.containsAll(List.of("after-1", "after-2")));
        assertTrue(channel.health().up(), channel.health().toString());
        assertNull(sub.error());
    }

    @Test
    void aNackWhileNatsIsDownCompletesAndTheMessageComesBackWithTheRest() throws Exception {
        privateServer = NatsTestServer.startPrivate();
        fx = new Fixture(privateServer.url());
        List<Message<?>> held = new CopyOnWriteArrayList<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        Long.MAX_VALUE,
                        m -> {
                            if ("hold".equals(m.getPayload()) && held.isEmpty()) {
                                held.add(m);
                            } else {
                                handled.add(m.getPayload() + "#" + meta(m).deliveredCount());
                                m.ack();
                            }
                        });
        IncomingChannel channel =
                fx.connector.incoming(
                        fx.incomingConfig("in", "orders", "outage").with("storage", "file"));
        channel.subscribe(sub);
        MessageSource<Message<?>> out =
                fx.outgoing(fx.outgoingConfig("out", "orders").with("storage", "file"));
        Fixture.send(out, "hold", "h").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> held.size() == 1);

        privateServer.stop();
        CompletableFuture<Void> nack =
                held.get(0)
                        .nack(new IllegalStateException("the store said no"))
                        .toCompletableFuture();
        assertNull(
                nack.get(15, TimeUnit.SECONDS),
                "the nack's stage completes normally while NATS is down");
        privateServer.start();

        await().atMost(Duration.ofSeconds(20)).until(fx.connector::isConnected);
        Fixture.send(out, "after", "a").get(10, TimeUnit.SECONDS);
        // The held message was never settled on the server: it comes again (after ack-wait), with
        // the rest.
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                handled.contains("after#1")
                                        && handled.stream().anyMatch(h -> h.startsWith("hold#")));
        assertTrue(channel.health().up(), channel.health().toString());
        assertNull(sub.error());
    }

    @Test
    void aDeadLetterThatCannotBeStoredLeavesTheMessageToComeBackAndLaterMessagesFlow()
            throws Exception {
        fx = new Fixture();
        RecordingCounters counted = new RecordingCounters();
        fx.connector.countWith(counted);
        // Dead letters go to a subject no stream captures: their publish fails.
        String nowhere = NatsTestServer.uniqueName("nowhere");
        List<String> handled = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> poisonNacks = new CopyOnWriteArrayList<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        Long.MAX_VALUE,
                        m -> {
                            if ("poison".equals(m.getPayload())) {
                                poisonNacks.add(
                                        m.nack(new PoisonMessage("can never be applied"))
                                                .toCompletableFuture());
                            } else {
                                handled.add((String) m.getPayload());
                                m.ack();
                            }
                        });
        IncomingChannel channel =
                fx.connector.incoming(
                        fx.incomingConfig("in", "orders", "nodlq")
                                .with("dlq-prefix", nowhere)
                                .with("request-timeout", "1s")
                                .with("transient-backoff", "300ms")
                                .with("transient-backoff-max", "300ms"));
        channel.subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        Fixture.send(out, "poison", "p").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).until(() -> poisonNacks.size() >= 2);
        assertNull(
                poisonNacks.get(0).get(10, TimeUnit.SECONDS),
                "the nack completes although dead-lettering failed");
        assertEquals(0, counted.get("deadLettered", fx.subject("orders")));
        Fixture.send(out, "after", "a").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("after"));
        assertTrue(channel.health().up(), channel.health().toString());

        // Once a stream captures the dead-letter subject, the next failure parks it there, once.
        fx.withManagement(
                jsm ->
                        jsm.updateStream(
                                io.nats.client.api.StreamConfiguration.builder(
                                                jsm.getStreamInfo(fx.stream).getConfiguration())
                                        .addSubjects(nowhere + ".dlq.>")
                                        .build()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> counted.get("deadLettered", fx.subject("orders")) == 1);
        int nacksWhenParked = poisonNacks.size();
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> poisonNacks.size() == nacksWhenParked);
        long parked =
                fx.withManagement(
                        jsm ->
                                jsm
                                        .getStreamInfo(
                                                fx.stream,
                                                io.nats.client.api.StreamInfoOptions.filterSubjects(
                                                        nowhere + ".dlq.>"))
                                        .getStreamState()
                                        .getSubjects()
                                        .stream()
                                        .mapToLong(io.nats.client.api.Subject::getCount)
                                        .sum());
        assertEquals(1, parked, "one dead letter, however often dead-lettering was tried");
        assertNull(sub.error());
    }

    @Test
    void aChannelTheApplicationCancelsIsReportedDown() throws Exception {
        fx = new Fixture();
        TestSubscriber<Message<?>> sub = new TestSubscriber<>(Long.MAX_VALUE, Message::ack);
        IncomingChannel channel =
                fx.connector.incoming(fx.incomingConfig("in", "orders", "cancelled"));
        assertTrue(
                channel.health().up(),
                "a channel may wait a while for its subscriber: " + channel.health());
        channel.subscribe(sub);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                channel.health().state().equals("fetching")
                                        || channel.health()
                                                .state()
                                                .startsWith("waiting for the application"));

        sub.cancel(); // what SmallRye does when the application's stream fails
        await().atMost(Duration.ofSeconds(10)).until(() -> !channel.health().up());
        assertEquals(
                new ChannelHealth("in", false, "ended: cancelled by the application"),
                channel.health());
        assertFalse(fx.connector.channelHealth().stream().allMatch(ChannelHealth::up));
    }

    @Test
    void theServerNeverGivesUpOnAMessageTheConnectorDecides() throws Exception {
        fx = new Fixture();
        fx.connector
                .incoming(fx.incomingConfig("in", "orders", "unlimited"))
                .subscribe(new TestSubscriber<>(1));
        long maxDeliver =
                (long)
                        fx.withManagement(
                                jsm ->
                                        jsm.getConsumerInfo(fx.stream, "unlimited")
                                                .getConsumerConfiguration()
                                                .getMaxDeliver());
        assertEquals(-1, maxDeliver, "no server-side limit: a message is never dropped silently");
    }
}
