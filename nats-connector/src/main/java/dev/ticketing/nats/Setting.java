package dev.ticketing.nats;

import java.util.List;

/**
 * One property of the connector as declared once: its name, its default, which channels read it and
 * what it means. The settings classes take their defaults from here and the README's tables are
 * checked against this list ({@code SettingsDocumentedTest}), so code and documentation cannot
 * drift apart.
 *
 * @param defaultValue the default as a user would write it, or null when the property is required
 *     or has no value by default
 */
public record Setting(String name, String defaultValue, Scope scope, String meaning) {

    /** Which channels read the property. */
    public enum Scope {
        BOTH,
        INCOMING,
        OUTGOING
    }

    // ---- both directions ---------------------------------------------------------------------
    public static final Setting URL =
            both(
                    "url",
                    "nats://127.0.0.1:4222",
                    "NATS server URL(s), comma-separated; channels with the same url share one connection");
    public static final Setting STREAM = both("stream", "TICKETING", "JetStream stream name");
    public static final Setting SUBJECTS =
            both(
                    "subjects",
                    "ticketing.>",
                    "subjects the stream captures (merged into an existing stream's); must also capture the dead letters");
    public static final Setting STORAGE =
            both("storage", "file", "file or memory, when the stream is created");
    public static final Setting DUPLICATE_WINDOW =
            both("duplicate-window", "2m", "stream de-duplication window for `Nats-Msg-Id`");
    public static final Setting REPLICAS =
            both("replicas", "1", "stream replicas (1-5; more than 1 needs a cluster)");
    public static final Setting CREATE_STREAM =
            both("create-stream", "true", "create or update the stream; false: it must exist");
    public static final Setting RECONNECT_WAIT =
            both(
                    "reconnect-wait",
                    "2s",
                    "wait between reconnect attempts, and before an incoming channel retries after an error");
    public static final Setting CONNECT_TIMEOUT =
            both(
                    "connect-timeout",
                    "5s",
                    "per connect attempt, and how long building a channel waits for the first connection");
    public static final Setting CONNECTION_NAME =
            both(
                    "connection-name",
                    "ticketing",
                    "client name the server shows (the service's name)");
    public static final Setting REQUEST_TIMEOUT =
            both(
                    "request-timeout",
                    "5s",
                    "JetStream API calls, acknowledgement confirmations and dead-letter publishes");
    public static final Setting DLQ_PREFIX =
            both(
                    "dlq-prefix",
                    "ticketing",
                    "dead letters go to `<dlq-prefix>.dlq.<original subject>`");

    // ---- incoming ----------------------------------------------------------------------------
    public static final Setting SUBJECT_IN =
            incoming(
                    "subject",
                    null,
                    "the consumer's filter subject (wildcards allowed); none: the whole stream");
    public static final Setting DURABLE =
            incoming(
                    "durable",
                    null,
                    "durable consumer name, one per (service, subject); replicas share it (required)");
    public static final Setting ACK_WAIT =
            incoming(
                    "ack-wait",
                    "30s",
                    "a message neither settled nor reported in progress is redelivered after this");
    public static final Setting MAX_DELIVER =
            incoming(
                    "max-deliver",
                    "5",
                    "failures of a message (nacks with an ordinary exception) before it is dead-lettered");
    public static final Setting BACKOFF =
            incoming(
                    "backoff",
                    "1s,5s,30s",
                    "redelivery delays after the 1st, 2nd, ... ordinary failure; the last repeats");
    public static final Setting TRANSIENT_BACKOFF =
            incoming(
                    "transient-backoff",
                    "1s",
                    "first redelivery delay after a transient failure (a dependency is down); doubles each time");
    public static final Setting TRANSIENT_BACKOFF_MAX =
            incoming(
                    "transient-backoff-max",
                    "1m",
                    "the cap of that doubling delay; transient failures are retried for as long as they last");
    public static final Setting MAX_IN_PROGRESS =
            incoming(
                    "max-in-progress",
                    "10m",
                    "how long a message in the application's hands is kept from redelivery (+WPI every ack-wait/3)");
    public static final Setting MAX_ACK_PENDING =
            incoming(
                    "max-ack-pending",
                    "1000",
                    "unacknowledged messages outstanding for the durable (all replicas together)");
    public static final Setting PAYLOAD_TYPE =
            incoming("payload-type", "string", "string (UTF-8) or bytes");
    public static final Setting BATCH_SIZE =
            incoming(
                    "batch-size",
                    "128",
                    "most messages per pull (also bounded by the subscriber's demand)");
    public static final Setting FETCH_EXPIRES =
            incoming("fetch-expires", "5s", "how long one pull waits for messages (at least 1s)");

    // ---- outgoing ----------------------------------------------------------------------------
    public static final Setting SUBJECT_OUT =
            outgoing(
                    "subject",
                    null,
                    "subject of messages whose metadata names none (no wildcards)");
    public static final Setting PUBLISH_TIMEOUT =
            outgoing(
                    "publish-timeout",
                    "10s",
                    "how long to wait for the publish acknowledgement before nacking");
    public static final Setting MAX_IN_FLIGHT =
            outgoing("max-in-flight", "256", "publishes awaiting their acknowledgement at once");

    /** Every property, in the order the README lists them. */
    public static final List<Setting> ALL =
            List.of(
                    URL,
                    STREAM,
                    SUBJECTS,
                    STORAGE,
                    DUPLICATE_WINDOW,
                    REPLICAS,
                    CREATE_STREAM,
                    RECONNECT_WAIT,
                    CONNECT_TIMEOUT,
                    CONNECTION_NAME,
                    REQUEST_TIMEOUT,
                    DLQ_PREFIX,
                    SUBJECT_IN,
                    DURABLE,
                    ACK_WAIT,
                    MAX_DELIVER,
                    BACKOFF,
                    TRANSIENT_BACKOFF,
                    TRANSIENT_BACKOFF_MAX,
                    MAX_IN_PROGRESS,
                    MAX_ACK_PENDING,
                    PAYLOAD_TYPE,
                    BATCH_SIZE,
                    FETCH_EXPIRES,
                    SUBJECT_OUT,
                    PUBLISH_TIMEOUT,
                    MAX_IN_FLIGHT);

    private static Setting both(String name, String def, String meaning) {
        return new Setting(name, def, Scope.BOTH, meaning);
    }

    private static Setting incoming(String name, String def, String meaning) {
        return new Setting(name, def, Scope.INCOMING, meaning);
    }

    private static Setting outgoing(String name, String def, String meaning) {
        return new Setting(name, def, Scope.OUTGOING, meaning);
    }
}
