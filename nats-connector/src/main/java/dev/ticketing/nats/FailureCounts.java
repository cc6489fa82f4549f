package dev.ticketing.nats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often each message in hand has failed, by kind, keyed by stream sequence: the poison budget
 * ({@code max-deliver}) counts only ordinary failures, so an outage's transient failures never use
 * it up, and the transient backoff doubles per transient failure. Kept in memory, bounded (oldest
 * forgotten first): after a restart the counts begin again, which at worst retries a poison message
 * a few more times. Replicas sharing a durable each count their own deliveries.
 */
final class FailureCounts {
    private static final int MAX_TRACKED = 10_000;

    private final Map<Long, int[]> counts =
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
                    return size() > MAX_TRACKED;
                }
            };

    /** Counts an ordinary failure of the message; the number of them so far. */
    synchronized int ordinary(long streamSequence) {
        return ++counts.computeIfAbsent(streamSequence, k -> new int[2])[0];
    }

    /** Counts a transient failure of the message; the number of them so far. */
    synchronized int transientFailure(long streamSequence) {
        return ++counts.computeIfAbsent(streamSequence, k -> new int[2])[1];
    }

    /** The message is done with (acknowledged or terminated). */
    synchronized void forget(long streamSequence) {
        counts.remove(streamSequence);
    }

    synchronized int tracked() {
        return counts.size();
    }
}
