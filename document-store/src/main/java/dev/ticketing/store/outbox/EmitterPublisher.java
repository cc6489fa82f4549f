package dev.ticketing.store.outbox;

import dev.ticketing.nats.OutgoingNatsMetadata;
import dev.ticketing.nats.StoredSend;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The relay's publisher over a Reactive Messaging emitter bound to the nats-jetstream connector.
 */
public final class EmitterPublisher implements OutboxRelay.Publisher {
    private final Emitter<String> emitter;

    public EmitterPublisher(Emitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public CompletionStage<Void> publish(PendingEvent event) {
        return StoredSend.send(
                emitter,
                event.json(),
                OutgoingNatsMetadata.builder()
                        .subject(event.subject())
                        .messageId(event.id())
                        .build());
    }
}
