package dev.ticketing.nats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What the connector counted, for assertions (the Liberty build uses MicroProfile Metrics). */
final class RecordingCounters implements EventCounters {
    final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    final Map<String, LongSupplier> deadLetterGauges = new ConcurrentHashMap<>();

    long get(String what, String subject) {
        AtomicLong n = counts.get(what + " " + subject);
        return n == null ? 0 : n.get();
    }

    private void inc(String what, String subject) {
        counts.computeIfAbsent(what + " " + subject, k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void consumed(String subject, long deliveredCount) {
        inc("consumed", subject);
    }

    @Override
    public void deadLettered(String subject) {
        inc("deadLettered", subject);
    }

    @Override
    public void published(String subject) {
        inc("published", subject);
    }

    @Override
    public void publishFailed(String subject) {
        inc("publishFailed", subject);
    }

    @Override
    public void settleFailed(String subject) {
        inc("settleFailed", subject);
    }

    @Override
    public void deadLetters(String subject, LongSupplier waiting) {
        deadLetterGauges.put(subject, waiting);
    }
}
