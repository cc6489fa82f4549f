package dev.ticketing.auth;

import dev.ticketing.testing.ServiceLayers;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Dependencies point one way (the rules: {@link ServiceLayers}). auth-service has no application
 * package: its use cases (Accounts) are in the domain, with their port AccountStore; security
 * (hashing, tokens, throttles, cookies) and store are adapters.
 */
class LayersTest {

    @TestFactory
    Stream<DynamicTest> dependenciesPointOneWay() {
        return ServiceLayers.of("dev.ticketing.auth")
                .application() // the use cases (Accounts) are in the domain
                .tests();
    }
}
