package dev.ticketing.nats;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the connector knows about a received JetStream message. Get it with {@code
 * message.unwrap(IncomingNatsMetadata.class)} (Liberty's MP Reactive Messaging 3.0 API has no
 * {@code Metadata}, so {@code unwrap} is the portable way) or {@link
 * IncomingNatsMessage#metadata()}.
 */
public final class IncomingNatsMetadata {

    private final String subject;
    private final Map<String, List<String>> headers;
    private final String stream;
    private final String consumer;
    private final long streamSequence;
    private final long consumerSequence;
    private final long deliveredCount;
    private final long pending;
    private final ZonedDateTime timestamp;

    public IncomingNatsMetadata(
            String subject,
            Map<String, List<String>> headers,
            String stream,
            String consumer,
            long streamSequence,
            long consumerSequence,
            long deliveredCount,
            long pending,
            ZonedDateTime timestamp) {
        this.subject = subject;
        this.headers = Map.copyOf(headers);
        this.stream = stream;
        this.consumer = consumer;
        this.streamSequence = streamSequence;
        this.consumerSequence = consumerSequence;
        this.deliveredCount = deliveredCount;
        this.pending = pending;
        this.timestamp = timestamp;
    }

    /** The subject the message was published on. */
    public String subject() {
        return subject;
    }

    /** All headers, read-only, names as sent. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(values.get(0));
    }

    /** The publisher's {@code Nats-Msg-Id} (the event id), if it set one. */
    public Optional<String> messageId() {
        return header(OutgoingNatsMetadata.MSG_ID_HEADER);
    }

    public String stream() {
        return stream;
    }

    /** The durable consumer that delivered the message. */
    public String consumer() {
        return consumer;
    }

    /** The message's sequence in the stream (stable across redeliveries). */
    public long streamSequence() {
        return streamSequence;
    }

    public long consumerSequence() {
        return consumerSequence;
    }

    /** 1 on first delivery, 2 on the first redelivery, ... */
    public long deliveredCount() {
        return deliveredCount;
    }

    /** Messages still pending for the consumer when this one was delivered. */
    public long pending() {
        return pending;
    }

    /** When the message was stored in the stream. */
    public ZonedDateTime timestamp() {
        return timestamp;
    }

    @Override
    public String toString() {
        return "IncomingNatsMetadata[subject="
                + subject
                + ", stream="
                + stream
                + ", seq="
                + streamSequence
                + ", delivered="
                + deliveredCount
                + ", headers="
                + headers
                + "]";
    }
}
