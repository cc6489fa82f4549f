package dev.ticketing.auth.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without handing anyone a lockout (docs/api.md, "Hardening"). Failed
 * sign-ins are counted per client address and per account. After {@code freeFailures} of them, an
 * address must wait before its next try, twice as long after each further failure, up to {@code
 * maxDelay}; an account under attack makes every <em>failing</em> address wait the same way before
 * trying it again. An address that has not been failing is never held back by the account's
 * failures, so the account's owner signs in with the right password while someone elsewhere keeps
 * guessing. A success clears its address's failures (not the account's: those are the attacker's).
 * Failures are forgotten {@code forgetAfter} after the last one. Kept in memory: each replica
 * throttles on its own.
 */
public class SignInThrottle {
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Failures(int count, Instant last) {}

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Clock clock;

    public SignInThrottle(
            int freeFailures,
            Duration firstDelay,
            Duration maxDelay,
            Duration forgetAfter,
            Clock clock) {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("freeFailures must be at least 1");
        }
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** How long this address must still wait before trying this account, if at all. */
    public Optional<Duration> waitBefore(String account, String address) {
        Instant now = clock.instant();
        Failures byAddress = current(addresses, address, now);
        if (byAddress == null) {
            return Optional.empty(); // an address that has not been failing always gets its try
        }
        Duration wait = left(byAddress, now);
        Failures byAccount = current(accounts, account, now);
        if (byAccount != null) {
            Duration forAccount = left(byAccount, now);
            wait = forAccount.compareTo(wait) > 0 ? forAccount : wait;
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed sign-in of {@code account} from {@code address}. */
    public void failed(String account, String address) {
        Instant now = clock.instant();
        count(accounts, account, now);
        count(addresses, address, now);
        if (accounts.size() + addresses.size() > SWEEP_THRESHOLD) {
            accounts.values().removeIf(f -> forgotten(f, now));
            addresses.values().removeIf(f -> forgotten(f, now));
        }
    }

    /** A successful sign-in: its address starts again from zero. */
    public void succeeded(String account, String address) {
        addresses.remove(address);
    }

    /** The wait after {@code failures}: none within the free ones, then doubling up to the cap. */
    Duration delayAfter(int failures) {
        int over = failures - freeFailures;
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay;
        for (int i = 0; i < over && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private Duration left(Failures f, Instant now) {
        return Duration.between(now, f.last().plus(delayAfter(f.count())));
    }

    private void count(Map<String, Failures> counts, String key, Instant now) {
        counts.merge(
                key,
                new Failures(1, now),
                (old, one) -> forgotten(old, now) ? one : new Failures(old.count() + 1, now));
    }

    private Failures current(Map<String, Failures> counts, String key, Instant now) {
        Failures f = counts.get(key);
        return f == null || forgotten(f, now) ? null : f;
    }

    private boolean forgotten(Failures f, Instant now) {
        return !f.last().plus(forgetAfter).isAfter(now);
    }
}
