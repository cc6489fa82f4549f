package dev.ticketing.auth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(5), clock);

    @Test
    void blocksAfterMaxFailuresUntilTheCoolDownAfterTheLastFailure() {
        throttle.failed("k");
        throttle.failed("k");
        assertEquals(Optional.empty(), throttle.blocked("k"));
        clock.now = clock.now.plusSeconds(60);
        throttle.failed("k");
        assertEquals(Optional.of(Duration.ofMinutes(5)), throttle.blocked("k"));

        clock.now = clock.now.plusSeconds(299);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.blocked("k"));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), throttle.blocked("k"));
    }

    @Test
    void failuresOlderThanTheCoolDownNoLongerCount() {
        throttle.failed("k");
        throttle.failed("k");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        throttle.failed("k");
        assertEquals(Optional.empty(), throttle.blocked("k"));
    }

    @Test
    void aSuccessClearsTheCount() {
        throttle.failed("k");
        throttle.failed("k");
        throttle.succeeded("k");
        throttle.failed("k");
        throttle.failed("k");
        assertEquals(Optional.empty(), throttle.blocked("k"));
    }

    @Test
    void anyBlockedKeyBlocks() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("address:1");
        }
        assertTrue(throttle.blocked("email:a", "address:1").isPresent());
        assertTrue(throttle.blocked("email:a", "address:2").isEmpty());
    }
}
