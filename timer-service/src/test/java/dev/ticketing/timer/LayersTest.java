package dev.ticketing.timer;

import dev.ticketing.testing.ServiceLayers;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Dependencies point one way (the rules: {@link ServiceLayers}). timer-service's application layer
 * is expiry (the persistent EJB timers: they keep their own timer store through JDBC), which owns
 * the port the events package implements.
 */
class LayersTest {

    @TestFactory
    Stream<DynamicTest> dependenciesPointOneWay() {
        return ServiceLayers.of("dev.ticketing.timer").application("expiry").tests();
    }
}
