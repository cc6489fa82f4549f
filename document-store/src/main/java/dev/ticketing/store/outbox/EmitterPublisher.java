package dev.ticketing.store.outbox;

import dev.ticketing.nats.OutgoingNatsMessage;
import dev.ticketing.nats.OutgoingNatsMetadata;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The relay's publisher over a Reactive Messaging emitter bound to the nats-jetstream connector. */
public final class EmitterPublisher implements OutboxRelay.Publisher {
    private final Emitter<String> emitter;

    public EmitterPublisher(Emitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public CompletionStage<Void> publish(PendingEvent event) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        OutgoingNatsMetadata where = OutgoingNatsMetadata.builder()
                .subject(event.subject()).messageId(event.id()).build();
        emitter.send(OutgoingNatsMessage.of(event.json(), where,
                () -> {
                    stored.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    stored.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return stored;
    }
}
