package dev.ticketing.timer.it;

import static dev.ticketing.testing.ApiClients.error;
import static dev.ticketing.testing.ApiClients.refusal;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.testing.ApiClients.Refusal;
import dev.ticketing.timer.api.PendingTimer;
import dev.ticketing.timer.api.PendingTimersApi;
import dev.ticketing.timer.domain.ExpirationNotice;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The expiry behaviour of timer-service, driven only through its contract: order events in on NATS,
 * expiration.complete out, the admin view through a typed client of {@link PendingTimersApi}. Run
 * once per timer store (Derby, the default; PostgreSQL) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ExpirySuite {
    /** How late an expiry may fire on a busy 2-core machine and still count as on time. */
    static final Duration ON_TIME = Duration.ofSeconds(5);

    private LibertyServer server;
    private EventBus bus;

    /** The server under test, started and ready. */
    abstract LibertyServer server();

    /** The subject prefix that server's timer-service uses. */
    abstract String subjectPrefix();

    /** The stream that server's timer-service uses (where its consumers' progress is read). */
    abstract String stream();

    @BeforeAll
    void connect() {
        server = server();
        bus = new EventBus(LibertyServer.required("nats.url"), subjectPrefix());
    }

    /** The bus of the server under test's subjects. */
    EventBus bus() {
        return bus;
    }

    @AfterAll
    void disconnect() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    @Order(1)
    void anUnpaidOrderExpiresAtItsDueTimeWithAStableEventId() {
        String orderId = Orders.newOrderId();
        Instant expiresAt = Instant.now().plusSeconds(3);
        bus.publish(Orders.created(orderId, expiresAt));

        EventBus.Published expired = awaitExpiration(orderId, Duration.ofSeconds(30));
        assertFalse(
                expired.storedAt().isBefore(expiresAt),
                "fired early: " + expired + " vs " + expiresAt);
        assertTrue(
                Duration.between(expiresAt, expired.storedAt()).compareTo(ON_TIME) < 0,
                "fired late: " + expired + " vs " + expiresAt);
        assertEquals(ExpirationNotice.eventId(orderId), expired.eventId());
        assertEquals(expired.eventId(), expired.messageId(), "Nats-Msg-Id must be the event id");
        assertEquals(404, pendingStatus(orderId), "fired timers are not pending");
    }

    @Test
    @Order(2)
    void theAdminViewListsEachPendingOrderWithItsDueTime() {
        String orderId = Orders.newOrderId();
        Instant expiresAt = Instant.now().plusSeconds(120);
        bus.publish(Orders.created(orderId, expiresAt));

        PendingTimer timer =
                await().atMost(Duration.ofSeconds(20))
                        .ignoreExceptions()
                        .until(() -> pendingTimer(orderId), t -> t != null);
        assertEquals(
                new PendingTimer(orderId, Orders.created(orderId, expiresAt).data().expiresAt()),
                timer);
        assertEquals(timer, server.timers().pendingFor(orderId));

        bus.publish(Orders.cancelled(orderId));
        await().atMost(Duration.ofSeconds(20)).until(() -> pendingTimer(orderId) == null);
    }

    @Test
    @Order(3)
    void anUnknownOrderHasNoPendingTimer() {
        Refusal refusal = refusal(() -> server.timers().pendingFor("no-such-order"));
        assertEquals(404, refusal.status(), refusal.toString());
        assertEquals(error("Not Found"), refusal.body(), refusal.toString());
    }

    @Test
    @Order(4)
    void aRedeliveredOrderCreatedSchedulesOneTimerAndOneExpiry() {
        String orderId = Orders.newOrderId();
        Instant expiresAt = Instant.now().plusSeconds(4);
        // Two deliveries of one order.created (new event ids, so JetStream keeps both).
        bus.publish(Orders.created(orderId, expiresAt));
        bus.publish(Orders.created(orderId, expiresAt));
        // A marker published after both: once its timer exists, both deliveries were handled.
        String marker = Orders.newOrderId();
        bus.publish(Orders.created(marker, expiresAt.plusSeconds(2)));
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> pendingTimer(marker) != null || bus.expirationOf(marker).isPresent());

        long timers = pendingTimers().stream().filter(t -> t.orderId().equals(orderId)).count();
        assertTrue(timers <= 1, "one timer per order, found " + timers);
        awaitExpiration(marker, Duration.ofSeconds(30));
        assertEquals(1, bus.expirationsOf(orderId).size(), "one expiration.complete per order");
    }

    @Test
    @Order(5)
    void aCancelledOrCompletedOrderDoesNotExpire() {
        String cancelled = Orders.newOrderId();
        String completed = Orders.newOrderId();
        String control = Orders.newOrderId();
        Instant expiresAt = Instant.now().plusSeconds(4);
        bus.publish(Orders.created(cancelled, expiresAt));
        bus.publish(Orders.created(completed, expiresAt));
        bus.publish(Orders.created(control, expiresAt.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> pendingTimer(cancelled) != null && pendingTimer(completed) != null);

        bus.publish(Orders.cancelled(cancelled));
        bus.publish(Orders.completed(completed));

        // The control order expires after the other two were due: by then they would have fired.
        awaitExpiration(control, Duration.ofSeconds(30));
        assertEquals(List.of(), bus.expirationsOf(cancelled));
        assertEquals(List.of(), bus.expirationsOf(completed));
        assertEquals(404, pendingStatus(cancelled));
        assertEquals(404, pendingStatus(completed));
    }

    @Test
    @Order(6)
    void anOrderThatIsAlreadyDueExpiresRightAway() {
        String orderId = Orders.newOrderId();
        Instant published = Instant.now();
        bus.publish(Orders.created(orderId, published.minusSeconds(30)));
        EventBus.Published expired = awaitExpiration(orderId, Duration.ofSeconds(30));
        assertTrue(
                Duration.between(published, expired.storedAt()).compareTo(ON_TIME) < 0,
                expired.toString());
    }

    @Test
    @Order(7)
    void aCancelAfterTheTimerFiredIsAcknowledgedAndChangesNothing() {
        String orderId = Orders.newOrderId();
        bus.publish(Orders.created(orderId, Instant.now().plusSeconds(1)));
        awaitExpiration(orderId, Duration.ofSeconds(30));

        long cancelled = bus.publish(Orders.cancelled(orderId)).getSeqno();
        long completed = bus.publish(Orders.completed(orderId)).getSeqno();
        // Acknowledged within seconds: applied (a failure would be redelivered after 1 s, 5 s, 30
        // s...).
        await("both acknowledged")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus.acknowledgedUpTo(stream(), "timer-service-order-cancelled")
                                                >= cancelled
                                        && bus.acknowledgedUpTo(
                                                        stream(), "timer-service-order-completed")
                                                >= completed);
        assertEquals(
                0,
                bus.messagesOn(
                        stream(), subjectPrefix() + ".dlq." + subjectPrefix() + ".order.cancelled"),
                "dead-lettered");
        assertEquals(
                0,
                bus.messagesOn(
                        stream(), subjectPrefix() + ".dlq." + subjectPrefix() + ".order.completed"),
                "dead-lettered");
        assertEquals(404, pendingStatus(orderId));
        assertEquals(1, bus.expirationsOf(orderId).size());
    }

    @Test
    @Order(8)
    void withManyTimersPendingEachOrderIsFoundAndCancelledByItsId() {
        int count = 150;
        Instant base = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> due = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            // Each its own due time, in the reverse order of publishing.
            due.put(Orders.newOrderId(), base.plusMillis(1000L * (count - i) + i));
        }
        long last = 0;
        for (var order : due.entrySet()) {
            last = bus.publish(Orders.created(order.getKey(), order.getValue())).getSeqno();
        }
        long lastCreated = last;
        await("all scheduled")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus.acknowledgedUpTo(stream(), "timer-service-order-created")
                                        >= lastCreated);

        PendingTimersApi timers = server.timers();
        for (var order : due.entrySet()) {
            assertEquals(
                    new PendingTimer(order.getKey(), order.getValue()),
                    timers.pendingFor(order.getKey()));
        }
        List<String> listed =
                pendingTimers().stream()
                        .map(PendingTimer::orderId)
                        .filter(due::containsKey)
                        .toList();
        List<String> soonestFirst =
                due.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey)
                        .toList();
        assertEquals(soonestFirst, listed, "the admin view lists them soonest first");

        for (String orderId : due.keySet()) {
            last = bus.publish(Orders.cancelled(orderId)).getSeqno();
        }
        long lastCancelled = last;
        await("all cancelled")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus.acknowledgedUpTo(stream(), "timer-service-order-cancelled")
                                        >= lastCancelled);
        for (String orderId : due.keySet()) {
            assertEquals(404, pendingStatus(orderId), orderId);
        }
        assertTrue(pendingTimers().stream().noneMatch(t -> due.containsKey(t.orderId())));
    }

    @Test
    @Order(9)
    void timersPendingAcrossARestartAreNotLost() {
        String dueWhileDown = Orders.newOrderId();
        String dueAfterRestart = Orders.newOrderId();
        String cancelledAfterRestart = Orders.newOrderId();
        Instant firstDue = Instant.now().plusSeconds(4);
        Instant secondDue = Instant.now().plusSeconds(45);
        bus.publish(Orders.created(dueWhileDown, firstDue));
        bus.publish(Orders.created(dueAfterRestart, secondDue));
        Instant cancelledDue = secondDue.plusSeconds(15);
        bus.publish(Orders.created(cancelledAfterRestart, cancelledDue));
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(
                        () ->
                                pendingTimer(dueWhileDown) != null
                                        && pendingTimer(dueAfterRestart) != null
                                        && pendingTimer(cancelledAfterRestart) != null);

        server.stop();
        Instant stopped = Instant.now();
        // Let the first due time pass while nothing runs.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(firstDue.plusSeconds(2)));
        assertTrue(bus.expirationsOf(dueWhileDown).isEmpty(), "fired before the server stopped");

        server.start();
        Instant ready = Instant.now();
        EventBus.Published missed = awaitExpiration(dueWhileDown, Duration.ofSeconds(30));
        assertTrue(missed.storedAt().isAfter(stopped), missed.toString());
        assertTrue(
                Duration.between(ready, missed.storedAt()).compareTo(Duration.ofSeconds(15)) < 0,
                "a timer missed while down must fire promptly after restart: ready "
                        + ready
                        + ", "
                        + missed);

        // The restarted server finds a timer it did not create (through the handle its row keeps)
        // and cancels it.
        PendingTimer stillPending = pendingTimer(cancelledAfterRestart);
        assertNotNull(
                stillPending,
                "pending after the restart (was the restart slower than "
                        + Duration.between(stopped, cancelledDue).toSeconds()
                        + " s?)");
        assertEquals(cancelledDue.truncatedTo(ChronoUnit.MILLIS), stillPending.dueAt());
        bus.publish(Orders.cancelled(cancelledAfterRestart));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> pendingTimer(cancelledAfterRestart) == null);

        EventBus.Published later = awaitExpiration(dueAfterRestart, Duration.ofSeconds(90));
        assertFalse(later.storedAt().isBefore(secondDue), later.toString());
        assertEquals(1, bus.expirationsOf(dueWhileDown).size());
        // Past the cancelled order's due time: its timer is gone, not only its row.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(cancelledDue.plusSeconds(3)));
        assertEquals(
                List.of(), bus.expirationsOf(cancelledAfterRestart), "cancelled after the restart");
    }

    EventBus.Published awaitExpiration(String orderId, Duration atMost) {
        return await("expiration.complete of " + orderId)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> bus.expirationOf(orderId).orElse(null), p -> p != null);
    }

    List<PendingTimer> pendingTimers() {
        return server.timers().pending();
    }

    PendingTimer pendingTimer(String orderId) {
        return pendingTimers().stream()
                .filter(t -> t.orderId().equals(orderId))
                .findFirst()
                .orElse(null);
    }

    /** 200 while the order's timer is pending, 404 once it is not (with the error envelope). */
    int pendingStatus(String orderId) {
        return status(server, orderId);
    }

    /** The status of {@code server}'s answer for the order's pending timer. */
    static int status(LibertyServer server, String orderId) {
        try {
            server.timers().pendingFor(orderId);
            return 200;
        } catch (WebApplicationException e) {
            return e.getResponse().getStatus();
        }
    }
}
