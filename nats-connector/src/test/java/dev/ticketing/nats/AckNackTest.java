package dev.ticketing.nats;

import static dev.ticketing.nats.Fixture.meta;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.nats.testing.MessageSource;
import dev.ticketing.nats.testing.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AckNackTest {

    private final Fixture fx = new Fixture();

    @AfterEach
    void tearDown() {
        fx.close();
    }

    /** A delivery as the test saw it: payload, delivered count, arrival time. */
    record Delivery(String payload, long delivered, long atNanos) {}

    @Test
    void ackedStaysAckedNackedComesBackAfterBackoffUnsettledAfterAckWait() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        Map<String, Boolean> ackConfirmed = new ConcurrentHashMap<>();
        TestSubscriber<Message<?>> sub =
                new TestSubscriber<>(
                        Long.MAX_VALUE,
                        m -> {
                            String p = (String) m.getPayload();
                            long delivered = meta(m).deliveredCount();
                            deliveries.add(new Delivery(p, delivered, System.nanoTime()));
                            if (p.equals("ack-me") || delivered > 1) {
                                m.ack().thenRun(() -> ackConfirmed.put(p + "#" + delivered, true));
                            } else if (p.equals("nack-me")) {
                                m.nack(new IllegalStateException("not yet"))
                                        .thenRun(() -> ackConfirmed.put("nack#1", true));
                            } // "ignore-me": neither ack nor nack on the first delivery
                        });
        // ack-wait 2s, backoff 300ms (see Fixture); a held message is not reported in progress
        // here (max-in-progress 1ms), so the unsettled one comes back after ack-wait. Pulls of
        // 1.3s, not the Fixture's 1s: the messages arrive as the first pull starts, and with 1s
        // pulls the unsettled one fell due just as the second pull expired, where nats-server
        // 2.9.10 now and then sends it still numbered 1. That boundary is PullBoundaryTest's
        // subject; here the redelivery falls mid-pull, and its number is the server's honest one.
        fx.connector
                .incoming(
                        fx.incomingConfig("in", "orders", "acks")
                                .with("max-in-progress", "1ms")
                                .with("fetch-expires", "1300ms"))
                .subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "orders"));
        Fixture.send(out, "ack-me", "a").get(10, TimeUnit.SECONDS);
        Fixture.send(out, "nack-me", "n").get(10, TimeUnit.SECONDS);
        Fixture.send(out, "ignore-me", "i").get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(10)).until(() -> count(deliveries, "nack-me") == 2);
        List<Delivery> nacked = only(deliveries, "nack-me");
        assertEquals(1, nacked.get(0).delivered());
        assertEquals(2, nacked.get(1).delivered());
        long gapMillis =
                TimeUnit.NANOSECONDS.toMillis(nacked.get(1).atNanos() - nacked.get(0).atNanos());
        assertTrue(
                gapMillis >= 250, "redelivered after the 300ms backoff, not " + gapMillis + " ms");
        assertTrue(
                gapMillis < 1900,
                "redelivered by the nak delay, before ack-wait: " + gapMillis + " ms");

        await().atMost(Duration.ofSeconds(10)).until(() -> count(deliveries, "ignore-me") == 2);
        List<Delivery> ignored = only(deliveries, "ignore-me");
        long ackWaitGap =
                TimeUnit.NANOSECONDS.toMillis(ignored.get(1).atNanos() - ignored.get(0).atNanos());
        assertTrue(
                ackWaitGap >= 1800,
                "unsettled message redelivered after ack-wait (2s), not " + ackWaitGap + " ms");
        assertEquals(2, ignored.get(1).delivered(), "deliveries: " + deliveries);

        // Everything is settled now: nothing more arrives, the acked one never came back.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> deliveries.size() == 5);
        assertEquals(1, count(deliveries, "ack-me"));
        await().atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                ackConfirmed
                                        .keySet()
                                        .containsAll(
                                                List.of(
                                                        "ack-me#1",
                                                        "nack#1",
                                                        "nack-me#2",
                                                        "ignore-me#2")));
        long pending =
                fx.withManagement(jsm -> jsm.getConsumerInfo(fx.stream, "acks").getNumAckPending());
        assertEquals(0, pending);
    }

    @Test
    void secondSettlementReturnsTheFirstOutcome() throws Exception {
        TestSubscriber<Message<?>> sub = new TestSubscriber<>(Long.MAX_VALUE);
        fx.connector.incoming(fx.incomingConfig("in", "twice", "twice")).subscribe(sub);
        MessageSource<Message<?>> out = fx.outgoing(fx.outgoingConfig("out", "twice"));
        Fixture.send(out, "x", "x").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> sub.count() == 1);
        Message<?> m = sub.items().get(0);
        var ack = m.ack();
        ack.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(m.nack(new RuntimeException("too late")) == ack, "nack after ack is ignored");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> sub.count() == 1);
    }

    private static long count(List<Delivery> ds, String payload) {
        return ds.stream().filter(d -> d.payload().equals(payload)).count();
    }

    private static List<Delivery> only(List<Delivery> ds, String payload) {
        return ds.stream().filter(d -> d.payload().equals(payload)).collect(Collectors.toList());
    }
}
