package dev.ticketing.nats;

import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Publishes a message that failed its last allowed delivery to {@code <dlq-prefix>.dlq.<original
 * subject>}, with why and where from in headers. With the default prefix {@code ticketing}, the
 * stream's {@code ticketing.>} subjects capture it.
 */
public final class DeadLetters {

    /** The failure: exception class and message (one line, at most 1000 characters). */
    public static final String REASON = "Ticketing-Dlq-Reason";

    public static final String ORIGINAL_SUBJECT = "Ticketing-Dlq-Original-Subject";
    public static final String ORIGINAL_MSG_ID = "Ticketing-Dlq-Original-Msg-Id";
    public static final String STREAM = "Ticketing-Dlq-Stream";
    public static final String STREAM_SEQUENCE = "Ticketing-Dlq-Stream-Sequence";
    public static final String CONSUMER = "Ticketing-Dlq-Consumer";
    public static final String DELIVERED = "Ticketing-Dlq-Delivered";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    private final IncomingSettings settings;
    private final SharedConnection connection;

    DeadLetters(IncomingSettings settings, SharedConnection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** The dead-letter subject for a message that was published on {@code subject}. */
    public static String subjectFor(String dlqPrefix, String subject) {
        return dlqPrefix + ".dlq." + subject;
    }

    CompletableFuture<PublishAck> publish(
            Message raw, IncomingNatsMetadata meta, Throwable reason) {
        Headers headers = new Headers();
        if (raw.getHeaders() != null) {
            // Nats-* headers must not be copied: the original Nats-Msg-Id would make the server
            // drop the dead letter as a duplicate of the original within the duplicate window.
            raw.getHeaders().entrySet().stream()
                    .filter(e -> !e.getKey().regionMatches(true, 0, "Nats-", 0, 5))
                    .forEach(e -> headers.put(e.getKey(), e.getValue()));
        }
        headers.put(REASON, describe(reason));
        headers.put(ORIGINAL_SUBJECT, meta.subject());
        meta.messageId().ifPresent(id -> headers.put(ORIGINAL_MSG_ID, id));
        headers.put(STREAM, meta.stream());
        headers.put(STREAM_SEQUENCE, Long.toString(meta.streamSequence()));
        headers.put(CONSUMER, meta.consumer());
        headers.put(DELIVERED, Long.toString(meta.deliveredCount()));
        // Deterministic id: a retried dead-lettering of the same delivery is stored once, while
        // another service's consumer failing the same message gets its own dead letter.
        headers.put(
                OutgoingNatsMetadata.MSG_ID_HEADER,
                "dlq-" + meta.stream() + "-" + meta.consumer() + "-" + meta.streamSequence());

        String subject = subjectFor(settings.dlqPrefix(), meta.subject());
        JetStream js = connection.jetStream();
        LOG.warning(
                () ->
                        "Dead-lettering "
                                + meta.subject()
                                + " #"
                                + meta.streamSequence()
                                + " after "
                                + meta.deliveredCount()
                                + " deliveries to "
                                + subject
                                + ": "
                                + describe(reason));
        return js.publishAsync(subject, headers, raw.getData())
                .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    static String describe(Throwable reason) {
        String text =
                reason == null
                        ? "nacked without reason"
                        : reason.getClass().getName()
                                + (reason.getMessage() == null ? "" : ": " + reason.getMessage());
        text = text.replaceAll("[\\r\\n]+", " ");
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
