package dev.ticketing.nats;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

/**
 * The validated settings of one channel, read from the {@link Config} that SmallRye hands to the
 * connector (channel properties merged over {@code mp.messaging.connector.nats-jetstream.*}).
 * Every property is read as a string and parsed here, so the error messages are ours and name
 * the channel and the property.
 */
public final class ChannelSettings {

    /** Which side of the connector a channel is on; it decides the property prefix in messages. */
    public enum Direction {
        INCOMING, OUTGOING;

        String prefix() {
            return this == INCOMING ? "mp.messaging.incoming." : "mp.messaging.outgoing.";
        }
    }

    public enum Storage { FILE, MEMORY }

    public enum PayloadType { STRING, BYTES }

    // Property names (see README for meaning and defaults).
    public static final String URL = "url";
    public static final String STREAM = "stream";
    public static final String SUBJECTS = "subjects";
    public static final String STORAGE = "storage";
    public static final String DUPLICATE_WINDOW = "duplicate-window";
    public static final String REPLICAS = "replicas";
    public static final String CREATE_STREAM = "create-stream";
    public static final String SUBJECT = "subject";
    public static final String DURABLE = "durable";
    public static final String ACK_WAIT = "ack-wait";
    public static final String MAX_DELIVER = "max-deliver";
    public static final String BACKOFF = "backoff";
    public static final String MAX_ACK_PENDING = "max-ack-pending";
    public static final String PAYLOAD_TYPE = "payload-type";
    public static final String DLQ_PREFIX = "dlq-prefix";
    public static final String BATCH_SIZE = "batch-size";
    public static final String FETCH_EXPIRES = "fetch-expires";
    public static final String RECONNECT_WAIT = "reconnect-wait";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String CONNECTION_NAME = "connection-name";
    public static final String REQUEST_TIMEOUT = "request-timeout";
    public static final String PUBLISH_TIMEOUT = "publish-timeout";
    public static final String MAX_IN_FLIGHT = "max-in-flight";

    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Config config;
    private final Direction direction;
    private final String channel;

    final String url;
    final String stream;
    final List<String> subjects;
    final Storage storage;
    final Duration duplicateWindow;
    final int replicas;
    final boolean createStream;
    final Optional<String> subject;
    final String durable;
    final Duration ackWait;
    final int maxDeliver;
    final List<Duration> backoff;
    final int maxAckPending;
    final PayloadType payloadType;
    final String dlqPrefix;
    final int batchSize;
    final Duration fetchExpires;
    final Duration reconnectWait;
    final Duration connectTimeout;
    final String connectionName;
    final Duration requestTimeout;
    final Duration publishTimeout;
    final int maxInFlight;

    private ChannelSettings(Config config, Direction direction) {
        this.config = config;
        this.direction = direction;
        this.channel = config.getOptionalValue("channel-name", String.class).orElse("<unnamed>");

        url = string(URL, DEFAULT_URL);
        validateUrl();
        stream = name(STREAM, "TICKETING");
        subjects = subjects(SUBJECTS, "ticketing.>");
        storage = choice(STORAGE, Storage.class, Storage.FILE);
        duplicateWindow = positiveDuration(DUPLICATE_WINDOW, "2m");
        replicas = intRange(REPLICAS, 1, 1, 5);
        createStream = bool(CREATE_STREAM, true);
        reconnectWait = positiveDuration(RECONNECT_WAIT, "2s");
        connectTimeout = positiveDuration(CONNECT_TIMEOUT, "5s");
        connectionName = string(CONNECTION_NAME, "ticketing");
        requestTimeout = positiveDuration(REQUEST_TIMEOUT, "5s");
        dlqPrefix = subjectValue(DLQ_PREFIX, string(DLQ_PREFIX, "ticketing"), false);

        if (direction == Direction.INCOMING) {
            subject = optional(SUBJECT).map(s -> subjectValue(SUBJECT, s, true));
            durable = requiredName(DURABLE,
                    "one durable per (service, subject), e.g. order-service-ticket-created");
            ackWait = positiveDuration(ACK_WAIT, "30s");
            maxDeliver = intRange(MAX_DELIVER, 5, 1, Integer.MAX_VALUE);
            backoff = durations(BACKOFF, "1s,5s,30s");
            maxAckPending = intRange(MAX_ACK_PENDING, 1000, 1, Integer.MAX_VALUE);
            payloadType = choice(PAYLOAD_TYPE, PayloadType.class, PayloadType.STRING);
            batchSize = intRange(BATCH_SIZE, 128, 1, 10_000);
            fetchExpires = positiveDuration(FETCH_EXPIRES, "5s");
            if (fetchExpires.toMillis() < 1000) {
                throw invalid(FETCH_EXPIRES, optional(FETCH_EXPIRES).orElse(""), "must be at least 1s");
            }
            publishTimeout = null;
            maxInFlight = 0;
        } else {
            subject = optional(SUBJECT).map(s -> subjectValue(SUBJECT, s, false));
            durable = null;
            ackWait = null;
            maxDeliver = 0;
            backoff = List.of();
            maxAckPending = 0;
            payloadType = null;
            batchSize = 0;
            fetchExpires = null;
            publishTimeout = positiveDuration(PUBLISH_TIMEOUT, "10s");
            maxInFlight = intRange(MAX_IN_FLIGHT, 256, 1, 100_000);
        }
    }

    /** Reads and validates an incoming channel's settings; throws {@link ChannelConfigException}. */
    public static ChannelSettings incoming(Config config) {
        return new ChannelSettings(config, Direction.INCOMING);
    }

    /** Reads and validates an outgoing channel's settings; throws {@link ChannelConfigException}. */
    public static ChannelSettings outgoing(Config config) {
        return new ChannelSettings(config, Direction.OUTGOING);
    }

    public String channel() { return channel; }
    public Direction direction() { return direction; }
    public String url() { return url; }
    public String stream() { return stream; }
    public List<String> subjects() { return subjects; }
    public Storage storage() { return storage; }
    public Duration duplicateWindow() { return duplicateWindow; }
    public int replicas() { return replicas; }
    public boolean createStream() { return createStream; }
    public Optional<String> subject() { return subject; }
    public String durable() { return durable; }
    public Duration ackWait() { return ackWait; }
    public int maxDeliver() { return maxDeliver; }
    public List<Duration> backoff() { return backoff; }
    public int maxAckPending() { return maxAckPending; }
    public PayloadType payloadType() { return payloadType; }
    public String dlqPrefix() { return dlqPrefix; }
    public int batchSize() { return batchSize; }
    public Duration fetchExpires() { return fetchExpires; }
    public Duration reconnectWait() { return reconnectWait; }
    public Duration connectTimeout() { return connectTimeout; }
    public String connectionName() { return connectionName; }
    public Duration requestTimeout() { return requestTimeout; }
    public Duration publishTimeout() { return publishTimeout; }
    public int maxInFlight() { return maxInFlight; }

    /** The redelivery delay after the n-th delivery was nacked; the last entry repeats. */
    public Duration backoffFor(long deliveredCount) {
        int i = (int) Math.max(0, Math.min(deliveredCount - 1, backoff.size() - 1));
        return backoff.get(i);
    }

    /** The full property name, for messages: {@code mp.messaging.incoming.<channel>.<name>}. */
    public String property(String name) {
        return direction.prefix() + channel + "." + name;
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase(Locale.ROOT) + " channel '" + channel + "' (stream " + stream
                + (durable != null ? ", durable " + durable : "") + subject.map(s -> ", subject " + s).orElse("") + ")";
    }

    // ---- parsing helpers -------------------------------------------------------------------

    private Optional<String> optional(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private String string(String name, String def) {
        return optional(name).orElse(def);
    }

    ChannelConfigException invalid(String name, String value, String why) {
        return new ChannelConfigException("nats-jetstream " + direction.name().toLowerCase(Locale.ROOT)
                + " channel '" + channel + "': property " + property(name) + " = '" + value + "' " + why);
    }

    private void validateUrl() {
        for (String u : url.split(",")) {
            String s = u.trim();
            if (s.isEmpty() || !s.matches("(?i)((nats|tls|opentls|ws|wss)://)?[^\\s/]+(:\\d+)?/?")) {
                throw invalid(URL, url, "is not a NATS server URL list (e.g. nats://127.0.0.1:4222,nats://other:4222)");
            }
        }
    }

    private String name(String name, String def) {
        String v = string(name, def);
        if (!NAME.matcher(v).matches()) {
            throw invalid(name, v, "may only contain letters, digits, '_' and '-'");
        }
        return v;
    }

    private String requiredName(String name, String hint) {
        if (optional(name).isEmpty()) {
            throw new ChannelConfigException("nats-jetstream " + direction.name().toLowerCase(Locale.ROOT)
                    + " channel '" + channel + "': property " + property(name) + " is required (" + hint + ")");
        }
        return name(name, null);
    }

    private List<String> subjects(String name, String def) {
        String v = string(name, def);
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            out.add(subjectValue(name, s.trim(), true));
        }
        return List.copyOf(out);
    }

    /** Checks NATS subject syntax: non-empty tokens, '*' as a whole token, '>' only last. */
    private String subjectValue(String name, String s, boolean wildcardsAllowed) {
        String[] tokens = s.split("\\.", -1);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            boolean bad = t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)
                    || (t.contains("*") && !t.equals("*")) || (t.contains(">") && (!t.equals(">") || i != tokens.length - 1));
            if (bad) {
                throw invalid(name, s, "is not a valid NATS subject");
            }
            if (!wildcardsAllowed && (t.equals("*") || t.equals(">"))) {
                throw invalid(name, s, "must not contain wildcards");
            }
        }
        return s;
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type, E def) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, v.get(), "must be one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private boolean bool(String name, boolean def) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return def;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw invalid(name, v.get(), "must be true or false");
        }
    }

    private int intRange(String name, int def, int min, int max) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return def;
        }
        try {
            int i = Integer.parseInt(v.get());
            if (i < min || i > max) {
                throw invalid(name, v.get(), "must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw invalid(name, v.get(), "is not an integer");
        }
    }

    private Duration positiveDuration(String name, String def) {
        String v = string(name, def);
        return parseDuration(name, v);
    }

    private List<Duration> durations(String name, String def) {
        String v = string(name, def);
        List<Duration> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            out.add(parseDuration(name, part.trim()));
        }
        return List.copyOf(out);
    }

    /** Accepts 500ms, 30s, 2m, 1h, 1d, a plain number of milliseconds, or ISO-8601 (PT30S). */
    private Duration parseDuration(String name, String v) {
        Duration d;
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                switch (unit) {
                    case "s": d = Duration.ofSeconds(n); break;
                    case "m": d = Duration.ofMinutes(n); break;
                    case "h": d = Duration.ofHours(n); break;
                    case "d": d = Duration.ofDays(n); break;
                    default: d = Duration.ofMillis(n); break;
                }
            } else {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw invalid(name, v, "is not a duration (e.g. 500ms, 30s, 2m, PT30S)");
        }
        if (d.isZero() || d.isNegative()) {
            throw invalid(name, v, "must be a positive duration");
        }
        return d;
    }
}
