package dev.ticketing.nats;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A JetStream message delivered by an incoming channel. {@link #ack()} acknowledges it to the
 * server (the stage completes when the server confirmed); {@link #nack(Throwable)} asks for a
 * redelivery after the configured backoff, or dead-letters it on its last allowed delivery.
 * Only the first ack/nack counts; later calls return the first outcome.
 * {@code unwrap(IncomingNatsMetadata.class)} and {@code unwrap(io.nats.client.Message.class)} work.
 */
public final class IncomingNatsMessage<T> implements Message<T> {

    private final T payload;
    private final IncomingNatsMetadata metadata;
    private final io.nats.client.Message raw;
    private final Acknowledger acknowledger;
    private final AtomicReference<CompletionStage<Void>> outcome = new AtomicReference<>();

    IncomingNatsMessage(T payload, IncomingNatsMetadata metadata, io.nats.client.Message raw, Acknowledger acknowledger) {
        this.payload = payload;
        this.metadata = metadata;
        this.raw = raw;
        this.acknowledger = acknowledger;
    }

    public IncomingNatsMetadata metadata() {
        return metadata;
    }

    @Override
    public T getPayload() {
        return payload;
    }

    @Override
    public CompletionStage<Void> ack() {
        return settle(() -> acknowledger.ack(raw));
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason) {
        return settle(() -> acknowledger.nack(raw, metadata, reason));
    }

    @Override
    public Supplier<CompletionStage<Void>> getAck() {
        return this::ack;
    }

    @Override
    public Function<Throwable, CompletionStage<Void>> getNack() {
        return this::nack;
    }

    private CompletionStage<Void> settle(Supplier<CompletionStage<Void>> action) {
        CompletionStage<Void> first = outcome.get();
        if (first != null) {
            return first;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (!outcome.compareAndSet(null, mine)) {
            return outcome.get();
        }
        try {
            action.get().whenComplete((v, e) -> {
                if (e != null) {
                    mine.completeExceptionally(e);
                } else {
                    mine.complete(null);
                }
            });
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        Objects.requireNonNull(type, "type");
        if (type.isInstance(metadata)) {
            return type.cast(metadata);
        }
        if (type.isInstance(raw)) {
            return type.cast(raw);
        }
        return Message.super.unwrap(type);
    }

    @Override
    public String toString() {
        return "IncomingNatsMessage[" + metadata + "]";
    }
}
