package dev.ticketing.testing;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's view of the NATS stream the server under test uses (its own stream and subject prefix
 * per run): publish events as another service would, and read what the service published.
 */
public final class Bus implements AutoCloseable {
    final String stream;
    final String prefix;
    private final boolean ownsStream;
    private final Connection nats;
    private final JetStream js;

    /** A message as stored in the stream. */
    public record Stored(String msgId, String json) {}

    /**
     * A dead letter: the original message, why it was parked, by which consumer, after how many
     * deliveries.
     */
    public record DeadLetter(String json, String reason, String consumer, String delivered) {}

    public Bus(String url, String stream, String prefix) {
        this(url, stream, prefix, false);
    }

    private Bus(String url, String stream, String prefix, boolean ownsStream) {
        this.stream = stream;
        this.prefix = prefix;
        this.ownsStream = ownsStream;
        try {
            nats =
                    Nats.connect(
                            new Options.Builder()
                                    .server(url)
                                    .connectionTimeout(Duration.ofSeconds(5))
                                    .build());
            js = nats.jetStream();
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach NATS at " + url, e);
        }
    }

    /**
     * A bus on a stream of the test's own (a server copy made with that stream): closing it deletes
     * the stream, so the run leaves nothing behind on a shared NATS.
     */
    public static Bus ofOwnStream(String stream, String prefix) {
        return new Bus(
                System.getProperty("nats.url", "nats://127.0.0.1:4222"), stream, prefix, true);
    }

    /**
     * Waits until the durable consumer {@code durable} has nothing pending and nothing
     * unacknowledged: every message the service was handed is settled.
     */
    public void awaitSettled(String durable, Duration atMost) {
        org.awaitility.Awaitility.await("consumer " + durable + " settled")
                .atMost(atMost)
                .until(
                        () -> {
                            var consumer =
                                    nats.jetStreamManagement().getConsumerInfo(stream, durable);
                            return consumer.getNumAckPending() == 0
                                    && consumer.getNumPending() == 0;
                        });
    }

    /** The server under test's stream and subjects (set by the build for this run). */
    public static Bus ofServerUnderTest() {
        return new Bus(
                System.getProperty("nats.url", "nats://127.0.0.1:4222"),
                System.getProperty("it.stream"),
                System.getProperty("it.subject.prefix"));
    }

    public String subject(String type) {
        return prefix + "." + type;
    }

    /**
     * Publishes an event on {@code <prefix>.<type>} with the given Nats-Msg-Id; waits for the
     * stream.
     */
    public PublishAck publish(String type, String json, String msgId) {
        Headers headers = new Headers().put("Nats-Msg-Id", msgId);
        try {
            return js.publish(subject(type), headers, json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("publish to " + subject(type) + " failed", e);
        }
    }

    /** Every message stored so far on {@code <prefix>.<type>}, oldest first. */
    public List<Stored> messages(String type) {
        List<Stored> found = new ArrayList<>();
        try {
            JetStreamSubscription sub =
                    js.subscribe(
                            subject(type),
                            PushSubscribeOptions.builder().stream(stream).ordered(true).build());
            try {
                Message m;
                while ((m = sub.nextMessage(Duration.ofMillis(800))) != null) {
                    found.add(
                            new Stored(
                                    m.getHeaders() == null
                                            ? null
                                            : m.getHeaders().getFirst("Nats-Msg-Id"),
                                    new String(m.getData(), StandardCharsets.UTF_8)));
                    if (m.metaData().pendingCount() == 0) {
                        break;
                    }
                }
            } finally {
                sub.unsubscribe();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading " + subject(type) + " failed", e);
        }
        return found;
    }

    /**
     * Every dead letter of events of {@code <prefix>.<type>} so far (on {@code
     * <prefix>.dlq.<prefix>.<type>}).
     */
    public List<DeadLetter> deadLetters(String type) {
        List<DeadLetter> found = new ArrayList<>();
        String dlq = prefix + ".dlq." + subject(type);
        try {
            JetStreamSubscription sub =
                    js.subscribe(
                            dlq,
                            PushSubscribeOptions.builder().stream(stream).ordered(true).build());
            try {
                Message m;
                while ((m = sub.nextMessage(Duration.ofMillis(800))) != null) {
                    Headers h = m.getHeaders();
                    found.add(
                            new DeadLetter(
                                    new String(m.getData(), StandardCharsets.UTF_8),
                                    h.getFirst("Ticketing-Dlq-Reason"),
                                    h.getFirst("Ticketing-Dlq-Consumer"),
                                    h.getFirst("Ticketing-Dlq-Delivered")));
                    if (m.metaData().pendingCount() == 0) {
                        break;
                    }
                }
            } finally {
                sub.unsubscribe();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("reading " + dlq + " failed", e);
        }
        return found;
    }

    @Override
    public void close() {
        try {
            if (ownsStream) {
                try {
                    nats.jetStreamManagement().deleteStream(stream);
                } catch (Exception absent) {
                    // the stream may not exist if the server never started
                }
            }
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
