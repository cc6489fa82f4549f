package dev.ticketing.order;

import dev.ticketing.testing.ServiceLayers;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Dependencies point one way (the rules: {@link ServiceLayers}). api → application → domain; store,
 * events and the other adapters behind the application's ports.
 */
class LayersTest {

    @TestFactory
    Stream<DynamicTest> dependenciesPointOneWay() {
        return ServiceLayers.of("dev.ticketing.order").tests();
    }
}
