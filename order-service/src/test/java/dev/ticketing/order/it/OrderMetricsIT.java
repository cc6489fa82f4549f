package dev.ticketing.order.it;

import static dev.ticketing.order.it.Market.assertError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.testing.Bus;
import dev.ticketing.testing.ServiceMetrics;
import dev.ticketing.testing.Sessions;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * order-service's counters on /metrics, read before and after each step of an order's life: every
 * stored change counts once, and a redelivered event or a repeated request that changes nothing
 * does not count. The counters are the server's, shared with the other tests of this module; they
 * run one after another, so each step compares exact deltas of all four counters. An event step is
 * read only after the service acknowledged that very event (the durable's ack floor passed its
 * stream sequence), so "unchanged" means handled and not counted, never "not handled yet".
 */
class OrderMetricsIT {
    private static final String CREATED = "ticketing_orders_created_total";
    private static final String EXPIRED = "ticketing_orders_expired_total";
    private static final String PAID = "ticketing_orders_paid_total";
    private static final String CANCELLED = "ticketing_orders_cancelled_total";
    private static final List<String> COUNTERS = List.of(CREATED, EXPIRED, PAID, CANCELLED);
    private static final ServiceMetrics METRICS = new ServiceMetrics(COUNTERS);
    // The service's durables for these subjects (its microprofile-config.properties).
    private static final String EXPIRY_DURABLE = "order-service-expiration-complete";
    private static final String PAYMENT_DURABLE = "order-service-payment-created";

    private static Sessions.User buyer;
    private static Sessions.User other;
    private static Bus bus;
    private static Connection nats;
    private static JetStreamManagement jsm;

    @BeforeAll
    static void setUp() throws Exception {
        buyer = Sessions.signUp();
        other = Sessions.signUp();
        bus = Bus.ofServerUnderTest();
        nats = Nats.connect(System.getProperty("nats.url", "nats://127.0.0.1:4222"));
        jsm = nats.jetStreamManagement();
    }

    @AfterAll
    static void close() throws InterruptedException {
        bus.close();
        nats.close();
    }

    @Test
    void everyCounterIsOnMetricsAsACounterWithItsDescription() {
        METRICS.assertEachIsADescribedCounter();
    }

    /**
     * The outbox's backlog gauge (docs/architecture.md, "Failure model") is on /metrics for the
     * order aggregate and reads 0 once the sweep found every event gone out; how it grows while
     * NATS refuses is OutboxRelayTest's.
     */
    @Test
    void theOutboxShowsNoEventWaitingOnceEveryOrderEventWentOut() {
        Market.placed(buyer, Market.listedTicket(bus, "Metrics: outbox", "10"));
        await("the order's events went out and a sweep saw it")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                METRICS.gauge(
                                        "ticketing_outbox_oldest_seconds", "aggregate=\"order\""),
                        waited -> waited == 0);
    }

    @Test
    void anOrderPlacedCountsOnceAndARefusedOneNot() {
        String ticketId = Market.listedTicket(bus, "Metrics: placed", "10");
        Map<String, Double> before = METRICS.read();

        Market.placed(buyer, ticketId);
        METRICS.assertDeltas(before, Map.of(CREATED, 1));

        assertError(Market.order(other, ticketId), 400, "Ticket is already reserved");
        assertError(Market.order(buyer, Market.newId()), 404, "Not Found");
        METRICS.assertDeltas(before, Map.of(CREATED, 1));
    }

    @Test
    void anExpiryCountsOnceHoweverOftenItsEventIsDelivered() {
        String id =
                Market.placed(buyer, Market.listedTicket(bus, "Metrics: expired", "11"))
                        .getString("id");
        Map<String, Double> before = METRICS.read();
        String expiry = Market.json(new ExpirationComplete(id));

        awaitHandled(deliver("expiration.complete", expiry), EXPIRY_DURABLE);
        assertEquals("cancelled", Market.status(buyer, id));
        METRICS.assertDeltas(before, Map.of(EXPIRED, 1));

        // The same event again (as a redelivery brings it): handled, nothing changed, nothing
        // counted.
        awaitHandled(deliver("expiration.complete", expiry), EXPIRY_DURABLE);
        METRICS.assertDeltas(before, Map.of(EXPIRED, 1));

        // A payment that lost the race to the expiry does not complete the order.
        awaitHandled(
                deliver(
                        "payment.created",
                        Market.json(new PaymentCreated(Market.newId(), id, "ch_late"))),
                PAYMENT_DURABLE);
        assertEquals("cancelled", Market.status(buyer, id));
        METRICS.assertDeltas(before, Map.of(EXPIRED, 1));
    }

    @Test
    void aPaymentCountsOnceAndThePaidOrderNeitherExpiresNorCancels() {
        String id =
                Market.placed(buyer, Market.listedTicket(bus, "Metrics: paid", "12"))
                        .getString("id");
        Map<String, Double> before = METRICS.read();
        String payment = Market.json(new PaymentCreated(Market.newId(), id, "ch_metrics"));

        awaitHandled(deliver("payment.created", payment), PAYMENT_DURABLE);
        assertEquals("complete", Market.status(buyer, id));
        METRICS.assertDeltas(before, Map.of(PAID, 1));

        awaitHandled(deliver("payment.created", payment), PAYMENT_DURABLE);
        METRICS.assertDeltas(before, Map.of(PAID, 1));

        awaitHandled(
                deliver("expiration.complete", Market.json(new ExpirationComplete(id))),
                EXPIRY_DURABLE);
        assertError(Market.cancel(buyer, id), 400, "Cannot cancel a completed order");
        assertEquals("complete", Market.status(buyer, id));
        METRICS.assertDeltas(before, Map.of(PAID, 1));
    }

    @Test
    void aBuyersCancelCountsOnceAndIsNoExpiry() {
        String id =
                Market.placed(buyer, Market.listedTicket(bus, "Metrics: cancelled", "13"))
                        .getString("id");
        Map<String, Double> before = METRICS.read();

        assertEquals(204, Market.cancel(buyer, id).status());
        METRICS.assertDeltas(before, Map.of(CANCELLED, 1));

        assertEquals(
                204,
                Market.cancel(buyer, id).status(),
                "an already cancelled order stays as it is");
        assertError(Market.cancel(other, id), 401, "Not authorized");
        awaitHandled(
                deliver("expiration.complete", Market.json(new ExpirationComplete(id))),
                EXPIRY_DURABLE);
        METRICS.assertDeltas(before, Map.of(CANCELLED, 1));
    }

    /**
     * Publishes {@code json} as a new message (its own Nats-Msg-Id), so even the same event reaches
     * the service.
     */
    private static PublishAck deliver(String type, String json) {
        return bus.publish(type, json, "it-metrics-" + UUID.randomUUID());
    }

    /**
     * Waits until the service acknowledged every message of {@code durable} up to this one: it was
     * handled.
     */
    private static void awaitHandled(PublishAck published, String durable) {
        await("the service handled message " + published.getSeqno() + " (" + durable + ")")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                jsm.getConsumerInfo(published.getStream(), durable)
                                                .getAckFloor()
                                                .getStreamSequence()
                                        >= published.getSeqno());
    }
}
