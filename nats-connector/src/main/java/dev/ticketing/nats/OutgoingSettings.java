package dev.ticketing.nats;

import java.time.Duration;
import java.util.Optional;

/** The settings of an outgoing channel: the default subject and how publishes are bounded. */
public final class OutgoingSettings extends ChannelSettings {

    private final Optional<String> subject;
    private final Duration publishTimeout;
    private final int maxInFlight;

    OutgoingSettings(SettingsReader r) {
        super(r);
        subject = r.optionalSubject(Setting.SUBJECT_OUT, false);
        publishTimeout = r.duration(Setting.PUBLISH_TIMEOUT);
        maxInFlight = r.intRange(Setting.MAX_IN_FLIGHT, 1, 100_000);
    }

    @Override
    public Direction direction() {
        return Direction.OUTGOING;
    }

    public Optional<String> subject() {
        return subject;
    }

    public Duration publishTimeout() {
        return publishTimeout;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    @Override
    String details() {
        return subject.map(s -> ", subject " + s).orElse("");
    }
}
