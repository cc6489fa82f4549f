package dev.ticketing.nats;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A message to send to a {@code nats-jetstream} outgoing channel, carrying its {@link
 * OutgoingNatsMetadata}. The connector finds the metadata through {@code
 * unwrap(OutgoingNatsMetadata.class)}, which this class answers.
 *
 * <pre>
 * emitter.send(OutgoingNatsMessage.of(json, event.id()));
 * emitter.send(OutgoingNatsMessage.of(json, OutgoingNatsMetadata.builder().messageId(id).subject(s).build(),
 *         () -&gt; markSent(id), e -&gt; retryLater(id, e)));
 * </pre>
 */
public final class OutgoingNatsMessage<T> implements Message<T> {

    private static final Supplier<CompletionStage<Void>> NO_ACK =
            () -> CompletableFuture.completedFuture(null);
    private static final Function<Throwable, CompletionStage<Void>> NO_NACK =
            e -> CompletableFuture.completedFuture(null);

    private final T payload;
    private final OutgoingNatsMetadata metadata;
    private final Supplier<CompletionStage<Void>> ack;
    private final Function<Throwable, CompletionStage<Void>> nack;

    private OutgoingNatsMessage(
            T payload,
            OutgoingNatsMetadata metadata,
            Supplier<CompletionStage<Void>> ack,
            Function<Throwable, CompletionStage<Void>> nack) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.ack = ack == null ? NO_ACK : ack;
        this.nack = nack == null ? NO_NACK : nack;
    }

    /** A message published with {@code Nats-Msg-Id = messageId} on the channel's subject. */
    public static <T> OutgoingNatsMessage<T> of(T payload, String messageId) {
        return new OutgoingNatsMessage<>(
                payload, OutgoingNatsMetadata.withMessageId(messageId), null, null);
    }

    public static <T> OutgoingNatsMessage<T> of(T payload, OutgoingNatsMetadata metadata) {
        return new OutgoingNatsMessage<>(payload, metadata, null, null);
    }

    /**
     * With callbacks: {@code ack} runs once the stream stored it, {@code nack} when publishing
     * failed.
     */
    public static <T> OutgoingNatsMessage<T> of(
            T payload,
            OutgoingNatsMetadata metadata,
            Supplier<CompletionStage<Void>> ack,
            Function<Throwable, CompletionStage<Void>> nack) {
        return new OutgoingNatsMessage<>(payload, metadata, ack, nack);
    }

    /** Wraps another message (keeping its ack/nack) with NATS metadata. */
    public static <T> OutgoingNatsMessage<T> from(
            Message<T> message, OutgoingNatsMetadata metadata) {
        return new OutgoingNatsMessage<>(
                message.getPayload(), metadata, message.getAck(), message.getNack());
    }

    public OutgoingNatsMetadata metadata() {
        return metadata;
    }

    @Override
    public T getPayload() {
        return payload;
    }

    @Override
    public Supplier<CompletionStage<Void>> getAck() {
        return ack;
    }

    @Override
    public Function<Throwable, CompletionStage<Void>> getNack() {
        return nack;
    }

    @Override
    public CompletionStage<Void> ack() {
        return ack.get();
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason) {
        return nack.apply(reason);
    }

    @Override
    public <P> Message<P> withPayload(P newPayload) {
        return new OutgoingNatsMessage<>(newPayload, metadata, ack, nack);
    }

    @Override
    public Message<T> withAck(Supplier<CompletionStage<Void>> newAck) {
        return new OutgoingNatsMessage<>(payload, metadata, newAck, nack);
    }

    @Override
    public Message<T> withNack(Function<Throwable, CompletionStage<Void>> newNack) {
        return new OutgoingNatsMessage<>(payload, metadata, ack, newNack);
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        if (type.isInstance(metadata)) {
            return type.cast(metadata);
        }
        return Message.super.unwrap(type);
    }

    @Override
    public String toString() {
        return "OutgoingNatsMessage[" + metadata + "]";
    }
}
