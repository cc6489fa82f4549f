package dev.ticketing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which streams belong to a run: its id as a whole part of the name, nothing else. */
class RunCleanupTest {

    @Test
    void aRunsStreamsAreThoseNamedAfterItsId() {
        List<String> names =
                List.of(
                        "TICKETING",
                        "IT-order-service-20261128030329123",
                        "IT-timer-service-20261128030329123-PG",
                        "SPLIT-20261128030329123",
                        "PROBE-20261128030329123",
                        "IT-order-service-202611280303291234",
                        "IT-order-service-120261128030329123",
                        "IT-order-service-20261128099999999",
                        "T_d547e3f45b");
        assertEquals(
                List.of(
                        "IT-order-service-20261128030329123",
                        "IT-timer-service-20261128030329123-PG",
                        "PROBE-20261128030329123",
                        "SPLIT-20261128030329123"),
                RunCleanup.runStreams(names, "20261128030329123"));
    }
}
