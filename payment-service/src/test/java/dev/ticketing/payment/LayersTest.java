package dev.ticketing.payment;

import dev.ticketing.testing.ServiceLayers;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Dependencies point one way (the rules: {@link ServiceLayers}). payment-service's application
 * layer is checkout, which owns the ports the store, gateway and metrics implement.
 */
class LayersTest {

    @TestFactory
    Stream<DynamicTest> dependenciesPointOneWay() {
        return ServiceLayers.of("dev.ticketing.payment").application("checkout").tests();
    }
}
