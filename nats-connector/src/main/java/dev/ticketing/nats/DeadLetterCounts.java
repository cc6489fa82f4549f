package dev.ticketing.nats;

import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * How many dead letters wait in the stream, per original subject, as last counted: the {@code
 * ticketing_dead_letters} gauge. Counted from the stream's per-subject state (one JetStream API
 * call per stream), refreshed by the connector every 30 seconds; -1 until counted.
 */
final class DeadLetterCounts {
    private static final Logger LOG = Logger.getLogger(DeadLetterCounts.class.getName());

    private final Map<String, Long> byDeadLetterSubject = new ConcurrentHashMap<>();
    private volatile boolean counted;

    /**
     * The dead letters of messages that came on {@code originalSubject}; -1 when not counted yet.
     */
    long count(IncomingSettings settings, String originalSubject) {
        if (!counted) {
            return -1;
        }
        return byDeadLetterSubject.getOrDefault(settings.deadLetterSubject(originalSubject), 0L);
    }

    /** Counts again what lies under {@code <dlq-prefix>.dlq.>} in the channel's stream. */
    void refresh(JetStreamManagement jsm, IncomingSettings settings) {
        try {
            String filter = DeadLetters.subjectFor(settings.dlqPrefix(), ">");
            StreamInfo info =
                    jsm.getStreamInfo(settings.stream(), StreamInfoOptions.filterSubjects(filter));
            Map<String, Long> fresh = new ConcurrentHashMap<>();
            if (info.getStreamState().getSubjects() != null) {
                for (Subject s : info.getStreamState().getSubjects()) {
                    fresh.put(s.getName(), s.getCount());
                }
            }
            byDeadLetterSubject.keySet().retainAll(fresh.keySet());
            byDeadLetterSubject.putAll(fresh);
            counted = true;
        } catch (Exception e) {
            LOG.fine(() -> "could not count the dead letters of " + settings + ": " + e);
        }
    }
}
