package dev.ticketing.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MapConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidationTest {

    private final NatsJetStreamConnector connector = new NatsJetStreamConnector();

    @AfterEach
    void tearDown() {
        connector.close();
    }

    private static MapConfig validIncoming() {
        return MapConfig.channel("orders-in")
                .with("durable", "order-service-orders")
                .with("subject", "ticketing.orders");
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "ack-wait        | abc           | is not a duration",
                "ack-wait        | -5s           | is not a duration",
                "ack-wait        | 0s            | must be a positive duration",
                "backoff         | 1s,,2s        | is not a duration",
                "storage         | disk          | must be one of [file, memory]",
                "payload-type    | json          | must be one of [string, bytes]",
                "max-deliver     | 0             | must be between 1 and",
                "max-ack-pending | many          | is not an integer",
                "replicas        | 9             | must be between 1 and 5",
                "create-stream   | yes           | must be true or false",
                "stream          | A.B           | may only contain",
                "durable         | svc.orders    | may only contain",
                "subject         | a..b          | is not a valid NATS subject",
                "subject         | a.>.b         | is not a valid NATS subject",
                "subjects        | ok.>, bad sub | is not a valid NATS subject",
                "dlq-prefix      | dead.*        | must not contain wildcards",
                "url             | http://a b    | is not a NATS server URL list",
                "fetch-expires   | 200ms         | must be at least 1s",
                "batch-size      | 0             | must be between 1 and",
                "transient-backoff | 0s          | must be a positive duration",
                "max-in-progress | forever       | is not a duration",
            })
    void invalidIncomingPropertyFailsNamingChannelAndProperty(
            String property, String value, String why) {
        ChannelConfigException e =
                assertThrows(
                        ChannelConfigException.class,
                        () -> connector.getPublisherBuilder(validIncoming().with(property, value)));
        assertTrue(
                e.getMessage().contains("mp.messaging.incoming.orders-in." + property),
                e.getMessage());
        assertTrue(e.getMessage().contains("channel 'orders-in'"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void durableIsRequired() {
        ChannelConfigException e =
                assertThrows(
                        ChannelConfigException.class,
                        () -> connector.getPublisherBuilder(validIncoming().with("durable", null)));
        assertTrue(
                e.getMessage().contains("mp.messaging.incoming.orders-in.durable is required"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "subject         | ticketing.*   | must not contain wildcards",
                "publish-timeout | soon          | is not a duration",
                "max-in-flight   | 0             | must be between 1 and",
            })
    void invalidOutgoingPropertyFailsNamingChannelAndProperty(
            String property, String value, String why) {
        ChannelConfigException e =
                assertThrows(
                        ChannelConfigException.class,
                        () ->
                                connector.getSubscriberBuilder(
                                        MapConfig.channel("orders-out").with(property, value)));
        assertTrue(
                e.getMessage().contains("mp.messaging.outgoing.orders-out." + property),
                e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void defaultsAndDurationFormats() {
        IncomingSettings s =
                ChannelSettings.incoming(
                        validIncoming()
                                .with("ack-wait", "PT45S")
                                .with("backoff", "500ms, 2s ,1m")
                                .with("duplicate-window", "120000"));
        assertEquals("nats://127.0.0.1:4222", s.url());
        assertEquals("TICKETING", s.stream());
        assertEquals(List.of("ticketing.>"), s.subjects());
        assertEquals(ChannelSettings.Storage.FILE, s.storage());
        assertEquals(Duration.ofMinutes(2), s.duplicateWindow());
        assertEquals(Duration.ofSeconds(45), s.ackWait());
        assertEquals(5, s.maxDeliver());
        assertEquals("ticketing", s.dlqPrefix());
        assertEquals(IncomingSettings.PayloadType.STRING, s.payloadType());
        assertEquals(Duration.ofMillis(500), s.backoffFor(1));
        assertEquals(Duration.ofSeconds(2), s.backoffFor(2));
        assertEquals(Duration.ofMinutes(1), s.backoffFor(3));
        assertEquals(Duration.ofMinutes(1), s.backoffFor(9));
        // Transient failures: doubling from 1s, capped at 1m, however long the outage lasts.
        assertEquals(Duration.ofSeconds(1), s.transientBackoffFor(1));
        assertEquals(Duration.ofSeconds(2), s.transientBackoffFor(2));
        assertEquals(Duration.ofSeconds(32), s.transientBackoffFor(6));
        assertEquals(Duration.ofMinutes(1), s.transientBackoffFor(7));
        assertEquals(Duration.ofMinutes(1), s.transientBackoffFor(10_000));
        assertEquals(Duration.ofMinutes(10), s.maxInProgress());
        assertEquals(Duration.ofSeconds(15), s.progressEvery());
    }

    @Test
    void transientBackoffMaxMayNotBeShorterThanItsStart() {
        ChannelConfigException e =
                assertThrows(
                        ChannelConfigException.class,
                        () ->
                                connector.getPublisherBuilder(
                                        validIncoming()
                                                .with("transient-backoff", "10s")
                                                .with("transient-backoff-max", "5s")));
        assertTrue(
                e.getMessage()
                        .contains(
                                "mp.messaging.incoming.orders-in.transient-backoff-max = '5s' must not be"
                                        + " shorter than mp.messaging.incoming.orders-in.transient-backoff"),
                e.getMessage());
    }

    @Test
    void jetStreamRejectingTheSetupFailsTheChannelWithTheReason() {
        // A filter subject outside the stream's subjects: the server refuses the consumer.
        String stream = dev.ticketing.nats.testing.NatsTestServer.uniqueName("T_");
        String prefix = dev.ticketing.nats.testing.NatsTestServer.uniqueName("t");
        try {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    connector.getPublisherBuilder(
                                            validIncoming()
                                                    .with(
                                                            "url",
                                                            dev.ticketing.nats.testing
                                                                    .NatsTestServer.shared())
                                                    .with("stream", stream)
                                                    .with("subjects", prefix + ".>")
                                                    .with("storage", "memory")
                                                    .with("subject", "elsewhere." + prefix)));
            assertTrue(e.getMessage().contains("JetStream rejected the setup"), e.getMessage());
        } finally {
            dev.ticketing.nats.testing.NatsTestServer.deleteStream(
                    dev.ticketing.nats.testing.NatsTestServer.shared(), stream);
        }
    }
}
