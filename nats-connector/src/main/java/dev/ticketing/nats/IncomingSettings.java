package dev.ticketing.nats;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The settings of an incoming channel: its durable consumer and how failures are retried. */
public final class IncomingSettings extends ChannelSettings {

    public enum PayloadType {
        STRING,
        BYTES
    }

    private final Optional<String> subject;
    private final String durable;
    private final Duration ackWait;
    private final int maxDeliver;
    private final List<Duration> backoff;
    private final Duration transientBackoff;
    private final Duration transientBackoffMax;
    private final Duration maxInProgress;
    private final int maxAckPending;
    private final PayloadType payloadType;
    private final int batchSize;
    private final Duration fetchExpires;

    IncomingSettings(SettingsReader r) {
        super(r);
        subject = r.optionalSubject(Setting.SUBJECT_IN, true);
        durable =
                r.requiredName(
                        Setting.DURABLE,
                        "one durable per (service, subject), e.g. order-service-ticket-created");
        ackWait = r.duration(Setting.ACK_WAIT);
        maxDeliver = r.intRange(Setting.MAX_DELIVER, 1, Integer.MAX_VALUE);
        backoff = r.durations(Setting.BACKOFF);
        transientBackoff = r.duration(Setting.TRANSIENT_BACKOFF);
        transientBackoffMax =
                r.durationAtLeast(
                        Setting.TRANSIENT_BACKOFF_MAX,
                        transientBackoff,
                        "must not be shorter than " + r.property(Setting.TRANSIENT_BACKOFF.name()));
        maxInProgress = r.duration(Setting.MAX_IN_PROGRESS);
        maxAckPending = r.intRange(Setting.MAX_ACK_PENDING, 1, Integer.MAX_VALUE);
        payloadType = r.choice(Setting.PAYLOAD_TYPE, PayloadType.class);
        batchSize = r.intRange(Setting.BATCH_SIZE, 1, 10_000);
        fetchExpires =
                r.durationAtLeast(
                        Setting.FETCH_EXPIRES, Duration.ofSeconds(1), "must be at least 1s");
    }

    @Override
    public Direction direction() {
        return Direction.INCOMING;
    }

    public Optional<String> subject() {
        return subject;
    }

    public String durable() {
        return durable;
    }

    public Duration ackWait() {
        return ackWait;
    }

    public int maxDeliver() {
        return maxDeliver;
    }

    public List<Duration> backoff() {
        return backoff;
    }

    public Duration transientBackoff() {
        return transientBackoff;
    }

    public Duration transientBackoffMax() {
        return transientBackoffMax;
    }

    public Duration maxInProgress() {
        return maxInProgress;
    }

    public int maxAckPending() {
        return maxAckPending;
    }

    public PayloadType payloadType() {
        return payloadType;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration fetchExpires() {
        return fetchExpires;
    }

    /** The redelivery delay after the n-th ordinary failure; the last entry repeats. */
    public Duration backoffFor(long failures) {
        int i = (int) Math.max(0, Math.min(failures - 1, backoff.size() - 1));
        return backoff.get(i);
    }

    /** The redelivery delay after the n-th transient failure: doubling from the first, capped. */
    public Duration transientBackoffFor(long failures) {
        long first = transientBackoff.toMillis();
        long cap = transientBackoffMax.toMillis();
        int doublings = (int) Math.min(Math.max(0, failures - 1), 40);
        long delay = first;
        for (int i = 0; i < doublings && delay < cap; i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, cap));
    }

    /** How often a message still in the application's hands is reported in progress. */
    public Duration progressEvery() {
        return ackWait.dividedBy(3);
    }

    /** The dead-letter subject of a message that came on {@code originalSubject}. */
    public String deadLetterSubject(String originalSubject) {
        return DeadLetters.subjectFor(dlqPrefix(), originalSubject);
    }

    @Override
    String details() {
        return ", durable " + durable + subject.map(s -> ", subject " + s).orElse("");
    }
}
