package dev.ticketing.nats;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sending through an {@link Emitter} bound to this connector and learning when JetStream stored the
 * message: the connector acks an outgoing message only after the publish ack, so the ack callback
 * is exactly "stored", and the nack callback carries why publishing failed.
 */
public final class StoredSend {
    private StoredSend() {}

    /**
     * Sends {@code payload} as described by {@code metadata}; completes once the stream stored it.
     */
    public static <T> CompletionStage<Void> send(
            Emitter<T> emitter, T payload, OutgoingNatsMetadata metadata) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        emitter.send(
                OutgoingNatsMessage.of(
                        payload,
                        metadata,
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
