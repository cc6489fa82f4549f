package dev.ticketing.nats;

import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * An outgoing channel: a reactive-streams Subscriber that publishes each message to JetStream with
 * {@code Nats-Msg-Id} = its message id, waits for the publish ack, then acks the message (nacks it
 * on failure). Up to {@code max-in-flight} publishes are outstanding; they leave in arrival order
 * on one connection, so the stream stores them in that order.
 */
public final class OutgoingChannel implements Subscriber<Message<?>> {

    private static final Logger LOG = Logger.getLogger(OutgoingChannel.class.getName());

    private final EventCounters counters;
    private final OutgoingSettings settings;
    private final SharedConnection connection;
    private final Executor callbacks;
    private final AtomicBoolean streamReady = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Subscription subscription;

    OutgoingChannel(
            OutgoingSettings settings,
            SharedConnection connection,
            Executor callbacks,
            boolean streamReady) {
        this(settings, connection, callbacks, streamReady, EventCounters.NONE);
    }

    OutgoingChannel(
            OutgoingSettings settings,
            SharedConnection connection,
            Executor callbacks,
            boolean streamReady,
            EventCounters counters) {
        this.counters = counters;
        this.settings = settings;
        this.connection = connection;
        this.callbacks = callbacks;
        this.streamReady.set(streamReady || !settings.createStream());
    }

    public OutgoingSettings settings() {
        return settings;
    }

    /** Publishes not yet acknowledged by the server. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (subscription != null) {
            s.cancel(); // rule 2.5: one upstream only
            return;
        }
        subscription = s;
        s.request(settings.maxInFlight());
    }

    @Override
    public void onNext(Message<?> message) {
        inFlight.incrementAndGet();
        CompletableFuture<PublishAck> published;
        try {
            published = publish(message);
        } catch (RuntimeException e) {
            published = CompletableFuture.failedFuture(e);
        }
        String subject = subjectOf(message);
        published.whenCompleteAsync(
                (ack, error) -> {
                    if (error == null) {
                        counters.published(subject);
                    } else {
                        counters.publishFailed(subject);
                    }
                    settle(message, ack, error);
                },
                callbacks);
    }

    /**
     * The subject a message goes to, for counting ("unknown" when it has none: it fails anyway).
     */
    private String subjectOf(Message<?> message) {
        return metadataOf(message)
                .flatMap(OutgoingNatsMetadata::subject)
                .or(settings::subject)
                .orElse("unknown");
    }

    private CompletableFuture<PublishAck> publish(Message<?> message) {
        OutgoingNatsMetadata meta = metadataOf(message).orElse(null);
        String id = meta == null ? null : meta.messageId().filter(s -> !s.isBlank()).orElse(null);
        if (id == null) {
            throw new IllegalArgumentException(
                    settings
                            + ": message has no message id; send an OutgoingNatsMessage "
                            + "whose OutgoingNatsMetadata.messageId is the event id (it becomes Nats-Msg-Id, for de-duplication)");
        }
        String subject =
                meta.subject()
                        .or(settings::subject)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                settings
                                                        + ": message "
                                                        + id
                                                        + " has no subject; set OutgoingNatsMetadata.subject or "
                                                        + settings.property(Setting.SUBJECT_OUT)));
        byte[] body = bodyOf(message.getPayload(), id);
        Headers headers = new Headers();
        meta.headers().forEach(headers::put);
        headers.put(OutgoingNatsMetadata.MSG_ID_HEADER, id);

        JetStream js = connection.jetStream();
        if (js == null) {
            throw new IllegalStateException(
                    settings + ": not connected to NATS at " + connection.url() + " yet");
        }
        ensureStreamOnce();
        return js.publishAsync(subject, headers, body)
                .orTimeout(settings.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** If the stream could not be set up when the channel was built (NATS was down), try now. */
    private void ensureStreamOnce() {
        if (streamReady.get()) {
            return;
        }
        try {
            StreamSetup.ensureStream(connection.management(), settings);
            streamReady.set(true);
        } catch (Exception e) {
            throw new IllegalStateException(
                    settings + ": cannot set up stream " + settings.stream() + ": " + e, e);
        }
    }

    private void settle(Message<?> message, PublishAck ack, Throwable error) {
        try {
            if (error == null) {
                if (ack.isDuplicate()) {
                    // The outbox republished an event the stream already has: that is success.
                    LOG.fine(
                            () ->
                                    settings
                                            + ": duplicate publish dropped by the server, seq "
                                            + ack.getSeqno());
                }
                message.ack();
            } else {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                if (cause instanceof RuntimeException
                        && cause.getCause() != null
                        && cause.getClass() == RuntimeException.class) {
                    cause = cause.getCause(); // jnats wraps IOException/JetStreamApiException
                }
                Throwable reason = cause;
                LOG.log(Level.FINE, settings + ": publish failed", reason);
                message.nack(reason);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, settings + ": ack/nack callback of a message threw", e);
        } finally {
            inFlight.decrementAndGet();
            Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
    }

    static Optional<OutgoingNatsMetadata> metadataOf(Message<?> message) {
        if (message instanceof OutgoingNatsMessage) {
            return Optional.of(((OutgoingNatsMessage<?>) message).metadata());
        }
        try {
            return Optional.ofNullable(message.unwrap(OutgoingNatsMetadata.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] bodyOf(Object payload, String id) {
        if (payload instanceof byte[]) {
            return (byte[]) payload;
        }
        if (payload instanceof String) {
            return ((String) payload).getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException(
                settings
                        + ": message "
                        + id
                        + " has a payload of type "
                        + (payload == null ? "null" : payload.getClass().getName())
                        + "; only String and byte[] are supported");
    }

    @Override
    public void onError(Throwable t) {
        LOG.log(Level.WARNING, settings + ": upstream failed", t);
    }

    @Override
    public void onComplete() {
        LOG.fine(() -> settings + ": upstream completed");
    }
}
