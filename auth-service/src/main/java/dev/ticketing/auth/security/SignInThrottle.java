package dev.ticketing.auth.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (an email, a client address). A key with {@code maxFailures}
 * failures within the cool-down period is blocked until the cool-down after its last failure has
 * passed; a success clears it. Kept in memory: each replica throttles on its own.
 */
public class SignInThrottle {
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration coolDown;
    private final Clock clock;

    public SignInThrottle(int maxFailures, Duration coolDown, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** How long the first blocked key of these must still wait, if any is blocked. */
    public Optional<Duration> blocked(String... keys) {
        Instant now = clock.instant();
        Duration longest = null;
        for (String key : keys) {
            Failures f = failures.get(key);
            if (f != null && f.count() >= maxFailures) {
                Duration left = Duration.between(now, f.last().plus(coolDown));
                if (!left.isNegative() && !left.isZero() && (longest == null || left.compareTo(longest) > 0)) {
                    longest = left;
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Records one failure for each key; failures older than the cool-down no longer count. */
    public void failed(String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            failures.merge(key, new Failures(1, now), (old, one) ->
                    expired(old, now) ? one : new Failures(old.count() + 1, now));
        }
        if (failures.size() > SWEEP_THRESHOLD) {
            failures.values().removeIf(f -> expired(f, now));
        }
    }

    /** A success: these keys start again from zero. */
    public void succeeded(String... keys) {
        for (String key : keys) {
            failures.remove(key);
        }
    }

    private boolean expired(Failures f, Instant now) {
        return !f.last().plus(coolDown).isAfter(now);
    }
}
