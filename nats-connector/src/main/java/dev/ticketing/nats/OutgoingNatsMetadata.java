package dev.ticketing.nats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an outgoing message is published: its message id (mandatory, becomes {@code Nats-Msg-Id} so
 * the server drops a republished event), an optional subject overriding the channel's {@code
 * subject}, and extra headers. Immutable; build with {@link #builder()}. Attach it with {@link
 * OutgoingNatsMessage}.
 */
public final class OutgoingNatsMetadata {

    /** The JetStream de-duplication header. */
    public static final String MSG_ID_HEADER = "Nats-Msg-Id";

    private final String subject;
    private final String messageId;
    private final Map<String, List<String>> headers;

    private OutgoingNatsMetadata(Builder b) {
        this.subject = b.subject;
        this.messageId = b.messageId;
        Map<String, List<String>> h = new LinkedHashMap<>();
        b.headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Shorthand for the common case: just the event id. */
    public static OutgoingNatsMetadata withMessageId(String messageId) {
        return builder().messageId(messageId).build();
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A builder starting from this metadata. */
    public Builder toBuilder() {
        Builder b = builder().subject(subject).messageId(messageId);
        headers.forEach((k, v) -> v.forEach(x -> b.header(k, x)));
        return b;
    }

    @Override
    public String toString() {
        return "OutgoingNatsMetadata[subject="
                + subject
                + ", messageId="
                + messageId
                + ", headers="
                + headers
                + "]";
    }

    public static final class Builder {
        private String subject;
        private String messageId;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The subject to publish on; without one the channel's {@code subject} property is used.
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The event id; published as {@code Nats-Msg-Id}. Required. */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /** Adds a header value (a header may have several). */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public OutgoingNatsMetadata build() {
            return new OutgoingNatsMetadata(this);
        }
    }
}
