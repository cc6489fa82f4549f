package dev.ticketing.nats;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * What every channel of the connector reads: where NATS is, the stream, and how to reach it. The
 * direction-specific settings are {@link IncomingSettings} and {@link OutgoingSettings}; each
 * property is declared once in {@link Setting}.
 */
public abstract sealed class ChannelSettings permits IncomingSettings, OutgoingSettings {

    /** Which side of the connector a channel is on; it decides the property prefix in messages. */
    public enum Direction {
        INCOMING,
        OUTGOING;

        String prefix() {
            return this == INCOMING ? "mp.messaging.incoming." : "mp.messaging.outgoing.";
        }
    }

    public enum Storage {
        FILE,
        MEMORY
    }

    private final SettingsReader reader;
    private final String url;
    private final String stream;
    private final List<String> subjects;
    private final Storage storage;
    private final Duration duplicateWindow;
    private final int replicas;
    private final boolean createStream;
    private final Duration reconnectWait;
    private final Duration connectTimeout;
    private final String connectionName;
    private final Duration requestTimeout;
    private final String dlqPrefix;

    ChannelSettings(SettingsReader r) {
        this.reader = r;
        url = r.url(Setting.URL);
        stream = r.name(Setting.STREAM);
        subjects = r.subjects(Setting.SUBJECTS);
        storage = r.choice(Setting.STORAGE, Storage.class);
        duplicateWindow = r.duration(Setting.DUPLICATE_WINDOW);
        replicas = r.intRange(Setting.REPLICAS, 1, 5);
        createStream = r.bool(Setting.CREATE_STREAM);
        reconnectWait = r.duration(Setting.RECONNECT_WAIT);
        connectTimeout = r.duration(Setting.CONNECT_TIMEOUT);
        connectionName = r.string(Setting.CONNECTION_NAME);
        requestTimeout = r.duration(Setting.REQUEST_TIMEOUT);
        dlqPrefix = r.subject(Setting.DLQ_PREFIX, false);
    }

    /**
     * Reads and validates an incoming channel's settings; throws {@link ChannelConfigException}.
     */
    public static IncomingSettings incoming(Config config) {
        return new IncomingSettings(new SettingsReader(config, Direction.INCOMING));
    }

    /**
     * Reads and validates an outgoing channel's settings; throws {@link ChannelConfigException}.
     */
    public static OutgoingSettings outgoing(Config config) {
        return new OutgoingSettings(new SettingsReader(config, Direction.OUTGOING));
    }

    public abstract Direction direction();

    public String channel() {
        return reader.channel;
    }

    public String url() {
        return url;
    }

    public String stream() {
        return stream;
    }

    public List<String> subjects() {
        return subjects;
    }

    public Storage storage() {
        return storage;
    }

    public Duration duplicateWindow() {
        return duplicateWindow;
    }

    public int replicas() {
        return replicas;
    }

    public boolean createStream() {
        return createStream;
    }

    public Duration reconnectWait() {
        return reconnectWait;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public String connectionName() {
        return connectionName;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public String dlqPrefix() {
        return dlqPrefix;
    }

    /** The full property name, for messages: {@code mp.messaging.incoming.<channel>.<name>}. */
    public String property(Setting setting) {
        return reader.property(setting.name());
    }

    @Override
    public String toString() {
        return direction().name().toLowerCase(Locale.ROOT)
                + " channel '"
                + channel()
                + "' (stream "
                + stream
                + details()
                + ")";
    }

    abstract String details();
}
