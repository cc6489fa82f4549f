package dev.ticketing.probe.messaging;

import dev.ticketing.nats.IncomingNatsMetadata;
import dev.ticketing.nats.OutgoingNatsMetadata;
import dev.ticketing.nats.StoredSend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Both directions of the nats-jetstream connector as Liberty's Reactive Messaging runs them: an
 * {@code @Incoming} method on channel probe-in, and an {@code Emitter} on channel probe-out.
 */
@ApplicationScoped
public class MessagingProbe {

    /** What probe-in received: payload, subject and the event id header. */
    public record Received(String payload, String subject, String messageId, long deliveredCount) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Inject
    @Channel("probe-out")
    Emitter<String> out;

    @Incoming("probe-in")
    public CompletionStage<Void> receive(Message<String> message) {
        IncomingNatsMetadata nats = message.unwrap(IncomingNatsMetadata.class);
        received.add(
                new Received(
                        message.getPayload(),
                        nats.subject(),
                        nats.messageId().orElse(null),
                        nats.deliveredCount()));
        return message.ack();
    }

    /**
     * Publishes and completes once the connector acknowledged the message (the stream stored it).
     */
    public CompletionStage<Void> send(String id, String payload) {
        return StoredSend.send(out, payload, OutgoingNatsMetadata.withMessageId(id));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }
}
