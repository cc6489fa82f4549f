package dev.ticketing.nats;

import dev.ticketing.nats.testing.MapConfig;
import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.NatsTestServer;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One test's world: a connector, a unique stream {@code T_<random>} with subjects {@code
 * t<random>.>} (dead letters under {@code t<random>.dlq.>}), deleted on close.
 */
final class Fixture implements AutoCloseable {

    final String url;
    final String stream = NatsTestServer.uniqueName("T_");
    final String prefix = NatsTestServer.uniqueName("t");
    final NatsJetStreamConnector connector = new NatsJetStreamConnector();

    Fixture() {
        this(NatsTestServer.shared());
    }

    Fixture(String url) {
        this.url = url;
    }

    String subject(String name) {
        return prefix + "." + name;
    }

    MapConfig base(String channel) {
        return MapConfig.channel(channel)
                .with("url", url)
                .with("stream", stream)
                .with("subjects", prefix + ".>")
                .with("storage", "memory")
                .with("dlq-prefix", prefix)
                .with("reconnect-wait", "200ms")
                .with("fetch-expires", "1s");
    }

    MapConfig incomingConfig(String channel, String subjectName, String durable) {
        return base(channel)
                .with("subject", subject(subjectName))
                .with("durable", durable)
                .with("ack-wait", "2s")
                .with("backoff", "300ms")
                .with("max-deliver", "5");
    }

    MapConfig outgoingConfig(String channel, String subjectName) {
        return base(channel).with("subject", subject(subjectName));
    }

    /** An outgoing channel fed by the returned source. */
    MessageSource<Message<?>> outgoing(MapConfig config) {
        OutgoingChannel channel = connector.outgoing(config);
        MessageSource<Message<?>> source = new MessageSource<>();
        source.subscribe(channel);
        return source;
    }

    /** Sends a message with id; the future completes when acked, fails with the nack reason. */
    static CompletableFuture<Void> send(
            MessageSource<Message<?>> source, Object payload, OutgoingNatsMetadata meta) {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        source.emit(
                OutgoingNatsMessage.of(
                        payload,
                        meta,
                        () -> {
                            outcome.complete(null);
                            return CompletableFuture.completedFuture(null);
                        },
                        e -> {
                            outcome.completeExceptionally(e);
                            return CompletableFuture.completedFuture(null);
                        }));
        return outcome;
    }

    static CompletableFuture<Void> send(
            MessageSource<Message<?>> source, String payload, String id) {
        return send(source, payload, OutgoingNatsMetadata.withMessageId(id));
    }

    long streamMessageCount() throws Exception {
        try (Connection c = NatsTestServer.connect(url)) {
            return c.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount();
        }
    }

    <T> T withManagement(ManagementCall<T> call) throws Exception {
        try (Connection c = NatsTestServer.connect(url)) {
            return call.apply(c.jetStreamManagement());
        }
    }

    interface ManagementCall<T> {
        T apply(JetStreamManagement jsm) throws Exception;
    }

    static IncomingNatsMetadata meta(Message<?> m) {
        return m.unwrap(IncomingNatsMetadata.class);
    }

    static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }

    @Override
    public void close() {
        connector.close();
        NatsTestServer.deleteStream(url, stream);
    }
}
