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
 * redelivery or dead-letters it, by the kind of the reason ({@link FailureKind}). The stages never
 * complete exceptionally: a settlement that cannot reach the server is logged and the message comes
 * again after ack-wait (a failed stage would end the application's channel). Only the first
 * ack/nack counts; later calls return the first outcome. While the application holds the message
 * the channel reports it in progress, so JetStream does not hand it to another consumer meanwhile.
 * {@code unwrap(IncomingNatsMetadata.class)} and {@code unwrap(io.nats.client.Message.class)} work.
 */
public final class IncomingNatsMessage<T> implements Message<T> {

    private final T payload;
    private final IncomingNatsMetadata metadata;
    private final io.nats.client.Message raw;
    private final Acknowledger acknowledger;
    private final Runnable onSettled;
    private final AtomicReference<CompletionStage<Void>> outcome = new AtomicReference<>();

    IncomingNatsMessage(
            T payload,
            IncomingNatsMetadata metadata,
            io.nats.client.Message raw,
            Acknowledger acknowledger,
            Runnable onSettled) {
        this.payload = payload;
        this.metadata = metadata;
        this.raw = raw;
        this.acknowledger = acknowledger;
        this.onSettled = onSettled;
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
        return settle(() -> acknowledger.ack(raw, metadata));
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason) {
        return settle(() -> acknowledger.nack(raw, metadata, reason));
    }

    /** True once ack or nack was called. */
    public boolean isSettled() {
        return outcome.get() != null;
    }

    /**
     * Tells JetStream the message is still being worked on, so its ack-wait starts again. The
     * channel already does this every ack-wait/3 until {@code max-in-progress}; a handler may call
     * it too before a long step.
     */
    public void inProgress() {
        if (!isSettled()) {
            acknowledger.progress(raw);
        }
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
        onSettled.run();
        try {
            // The acknowledger's stages never fail; should one anyway, the channel must not end.
            action.get().whenComplete((v, e) -> mine.complete(null));
        } catch (RuntimeException e) {
            mine.complete(null);
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
