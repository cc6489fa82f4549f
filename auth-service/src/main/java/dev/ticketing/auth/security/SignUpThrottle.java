package dev.ticketing.auth.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} sign-ups per client address within {@code window} (a sliding window): enough
 * for a household behind one address, too few to mass-produce accounts. Kept in memory, per
 * replica.
 */
public class SignUpThrottle {
    private static final int SWEEP_THRESHOLD = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final int max;
    private final Duration window;
    private final Clock clock;

    public SignUpThrottle(int max, Duration window, Clock clock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts a sign-up from {@code address} if allowed; otherwise how long until the next one is.
     */
    public Optional<Duration> tryAcquire(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
            }
            times.addLast(now);
        }
        if (recent.size() > SWEEP_THRESHOLD) {
            recent.values()
                    .removeIf(
                            t -> {
                                synchronized (t) {
                                    return t.isEmpty() || !t.peekLast().plus(window).isAfter(now);
                                }
                            });
        }
        return Optional.empty();
    }
}
