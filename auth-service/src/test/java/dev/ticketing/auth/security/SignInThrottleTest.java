package dev.ticketing.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle =
            new SignInThrottle(
                    3, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofHours(1), clock);

    private void fail(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    @Test
    void theFreeFailuresCostNothingThenTheWaitDoublesUpToTheCap() {
        assertEquals(Duration.ZERO, throttle.delayAfter(2));
        assertEquals(Duration.ofSeconds(2), throttle.delayAfter(3));
        assertEquals(Duration.ofSeconds(4), throttle.delayAfter(4));
        assertEquals(Duration.ofSeconds(32), throttle.delayAfter(7));
        assertEquals(Duration.ofSeconds(60), throttle.delayAfter(8));
        assertEquals(Duration.ofSeconds(60), throttle.delayAfter(1_000));
    }

    @Test
    void aFailingAddressWaitsAfterItsLastFailure() {
        fail(3, "a@x", "1.1.1.1");
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waitBefore("other@x", "1.1.1.1"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), throttle.waitBefore("other@x", "1.1.1.1"));
    }

    @Test
    void anAccountUnderAttackHoldsBackFailingAddressesOnlyNeverAFreshOne() {
        fail(3, "victim@x", "6.6.6.6");
        assertEquals(
                Optional.empty(),
                throttle.waitBefore("victim@x", "9.9.9.9"),
                "the owner elsewhere gets its try");
        throttle.failed("victim@x", "7.7.7.7"); // one more guesser, failing once
        assertEquals(
                Optional.of(Duration.ofSeconds(4)),
                throttle.waitBefore("victim@x", "7.7.7.7"),
                "a failing address waits as long as the account's failures say");
        assertEquals(
                Optional.empty(),
                throttle.waitBefore("someone-else@x", "7.7.7.7"),
                "its own single failure is free elsewhere");
    }

    @Test
    void aSuccessClearsItsAddressButNotTheAccount() {
        fail(3, "victim@x", "6.6.6.6");
        throttle.succeeded("victim@x", "6.6.6.6");
        assertEquals(Optional.empty(), throttle.waitBefore("other@x", "6.6.6.6"));
        throttle.failed("victim@x", "8.8.8.8");
        assertEquals(
                Optional.of(Duration.ofSeconds(4)), throttle.waitBefore("victim@x", "8.8.8.8"));
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLastOne() {
        fail(10, "a@x", "1.1.1.1");
        clock.advance(Duration.ofMinutes(61));
        assertEquals(Optional.empty(), throttle.waitBefore("a@x", "1.1.1.1"));
        throttle.failed("a@x", "1.1.1.1");
        assertEquals(
                Optional.empty(),
                throttle.waitBefore("a@x", "1.1.1.1"),
                "counting starts again from one");
    }

    @Test
    void signUpsAreCountedPerAddressInASlidingWindow() {
        SignUpThrottle signUps = new SignUpThrottle(2, Duration.ofMinutes(10), clock);
        assertEquals(Optional.empty(), signUps.tryAcquire("1.1.1.1"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Optional.empty(), signUps.tryAcquire("1.1.1.1"));
        assertEquals(Optional.of(Duration.ofMinutes(6)), signUps.tryAcquire("1.1.1.1"));
        assertEquals(Optional.empty(), signUps.tryAcquire("2.2.2.2"));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Optional.empty(), signUps.tryAcquire("1.1.1.1"));
    }
}
