package dev.ticketing.timer.it;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.Events;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's side of the bus: publishes order events as order-service would (to {@code
 * <prefix>.order.created} with Nats-Msg-Id = event id), and records what timer-service published on
 * {@code <prefix>.expiration.complete}, read from the run's stream.
 */
final class EventBus implements AutoCloseable {

    /** One expiration.complete as stored in the stream. */
    record Published(
            String orderId,
            String eventId,
            String messageId,
            Instant occurredAt,
            Instant storedAt) {}

    private final Connection connection;
    private final JetStream jetStream;
    private final String prefix;
    private final List<Published> expirations = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;

    EventBus(String natsUrl, String prefix) {
        this.prefix = prefix;
        try {
            this.connection =
                    Nats.connect(
                            new Options.Builder()
                                    .server(natsUrl)
                                    .connectionTimeout(Duration.ofSeconds(5))
                                    .build());
            this.jetStream = connection.jetStream();
            this.dispatcher = connection.createDispatcher();
            // An ordered consumer from the start of the stream: every expiration of this run.
            jetStream.subscribe(
                    EventType.EXPIRATION_COMPLETE.subject(prefix),
                    dispatcher,
                    this::record,
                    true,
                    PushSubscribeOptions.builder()
                            .ordered(true)
                            .configuration(
                                    io.nats.client.api.ConsumerConfiguration.builder()
                                            .deliverPolicy(DeliverPolicy.All)
                                            .build())
                            .build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach NATS at " + natsUrl, e);
        }
    }

    private void record(Message message) {
        var event =
                Events.fromJson(
                        new String(message.getData(), StandardCharsets.UTF_8),
                        dev.ticketing.common.events.ExpirationComplete.class);
        String msgId =
                message.getHeaders() == null ? null : message.getHeaders().getFirst("Nats-Msg-Id");
        expirations.add(
                new Published(
                        event.data().orderId(),
                        event.id(),
                        msgId,
                        event.occurredAt(),
                        message.metaData().timestamp().toInstant()));
    }

    /** Publishes {@code event} on its subject under this run's prefix; returns the stream's ack. */
    PublishAck publish(EventEnvelope<? extends EventPayload> event) {
        Headers headers = new Headers().put("Nats-Msg-Id", event.id());
        try {
            return jetStream.publish(
                    EventType.ofType(event.type()).subject(prefix), headers, Events.toBytes(event));
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + event.type() + " failed", e);
        }
    }

    /**
     * The stream sequence up to which the durable consumer {@code durable} of {@code stream} has
     * acknowledged every message (its ack floor): timer-service acknowledges an event once it has
     * applied it, so every event published at or below this sequence has been handled. 0 while the
     * consumer does not exist yet.
     */
    long acknowledgedUpTo(String stream, String durable) {
        try {
            return connection
                    .jetStreamManagement()
                    .getConsumerInfo(stream, durable)
                    .getAckFloor()
                    .getStreamSequence();
        } catch (JetStreamApiException noConsumerYet) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many messages {@code stream} holds on {@code subject} (dead letters, for instance). */
    long messagesOn(String stream, String subject) {
        try {
            return connection
                    .jetStreamManagement()
                    .getStreamInfo(stream, StreamInfoOptions.filterSubjects(subject))
                    .getStreamState()
                    .getSubjects()
                    .stream()
                    .filter(s -> s.getName().equals(subject))
                    .mapToLong(Subject::getCount)
                    .sum();
        } catch (JetStreamApiException | IOException e) {
            throw new IllegalStateException("cannot read stream " + stream, e);
        }
    }

    /** Every expiration.complete of {@code orderId} seen so far. */
    List<Published> expirationsOf(String orderId) {
        return expirations.stream().filter(p -> p.orderId().equals(orderId)).toList();
    }

    Optional<Published> expirationOf(String orderId) {
        return expirations.stream().filter(p -> p.orderId().equals(orderId)).findFirst();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
