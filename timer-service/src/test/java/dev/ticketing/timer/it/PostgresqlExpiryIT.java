package dev.ticketing.timer.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.timer.api.PendingTimer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The same expiry suite on PostgreSQL, the production timer store: a second Liberty server, a copy
 * of this module's (same WAR, same server.xml and fragments), configured only through bootstrap
 * properties: its timers in a schema of this run on the PostgreSQL at {@code it.postgres.url}
 * (default jdbc:postgresql://127.0.0.1:5432/test, user postgres), its own stream and subjects.
 * Where no PostgreSQL answers, the suite is skipped and says why.
 */
class PostgresqlExpiryIT extends ExpirySuite {
    private static final String SERVER = "postgresql";
    private static final String REPLICA = "postgresql-2";

    private final Postgres postgres = new Postgres();
    private final String schema = "timers_" + LibertyServer.required("ticketing.run.id");
    private final String prefix = LibertyServer.required("it.subject.prefix") + "-pg";
    private final String stream = LibertyServer.required("it.stream") + "-PG";
    private final HttpApi http = new HttpApi();
    private LibertyServer postgresServer;
    private LibertyServer replica;

    @Override
    LibertyServer server() {
        assumeTrue(
                postgres.answers(),
                "SKIPPED: the PostgreSQL run of the expiry suite needs a PostgreSQL: "
                        + postgres.absent());
        postgres.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        postgresServer = copyOfThisModule(SERVER);
        postgresServer.start();
        return postgresServer;
    }

    /**
     * A copy of this module's server on free ports, with this run's schema, stream and subjects,
     * reached on its operator port (where /internal/timers and health are).
     */
    private LibertyServer copyOfThisModule(String suffix) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ticketing.stream", stream);
        properties.put("ticketing.subject.prefix", prefix);
        properties.putAll(postgres.timerStore(schema));
        return LibertyServer.copyOfThisModule(suffix, properties);
    }

    @Override
    String subjectPrefix() {
        return prefix;
    }

    @Override
    String stream() {
        return stream;
    }

    // What only a shared database shows: the table's place, two replicas at once, states the
    // service itself never leaves behind (set up here with SQL), and the first start of this
    // version.

    @Test
    @Order(10)
    void theExpiryTableIsInTheTimerStoresSchema() {
        assertTrue(
                postgres.tables(schema).contains("order_expiry"),
                schema + ": " + postgres.tables(schema));
    }

    @Test
    @Order(11)
    void aCancelRemovesARowWhoseTimerIsGone() {
        String orphan = Orders.newOrderId();
        postgres.execute(
                "INSERT INTO "
                        + schema
                        + ".order_expiry (order_id, due_at, timer_handle) VALUES ('"
                        + orphan
                        + "', "
                        + Instant.now().plusSeconds(600).toEpochMilli()
                        + ", '"
                        + handleOfAFiredTimer()
                        + "')");
        assertEquals(200, status(postgresServer, orphan));

        long cancelled = bus().publish(Orders.cancelled(orphan)).getSeqno();
        await("cancel acknowledged")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus().acknowledgedUpTo(stream, "timer-service-order-cancelled")
                                        >= cancelled);
        assertEquals(404, status(postgresServer, orphan));
        assertNull(handleOf(orphan));
        assertEquals(
                0,
                bus().messagesOn(stream, prefix + ".dlq." + prefix + ".order.cancelled"),
                "dead-lettered");
    }

    @Test
    @Order(12)
    void aRedeliveredOrderCreatedReplacesARowWhoseTimerIsGone() {
        // Such a row would otherwise hold the order's expiry forever: the redelivery schedules it
        // again.
        String orphan = Orders.newOrderId();
        String stale = handleOfAFiredTimer();
        postgres.execute(
                "INSERT INTO "
                        + schema
                        + ".order_expiry (order_id, due_at, timer_handle) VALUES ('"
                        + orphan
                        + "', "
                        + Instant.now().plusSeconds(600).toEpochMilli()
                        + ", '"
                        + stale
                        + "')");

        bus().publish(Orders.created(orphan, Instant.now().plusSeconds(3)));
        awaitExpiration(orphan, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> handleOf(orphan) == null);
    }

    /** The handle of a timer that fired: it names no timer any more. */
    private String handleOfAFiredTimer() {
        String fired = Orders.newOrderId();
        bus().publish(Orders.created(fired, Instant.now().plusSeconds(2)));
        String handle =
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> handleOf(fired), h -> h != null);
        awaitExpiration(fired, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> handleOf(fired) == null);
        return handle;
    }

    @Test
    @Order(13)
    void aTimerWhoseRowIsGoneStillAnnouncesTheExpiry() {
        // As a timer from before the table, or from an older replica during a rolling update.
        String orderId = Orders.newOrderId();
        bus().publish(Orders.created(orderId, Instant.now().plusSeconds(4)));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> handleOf(orderId) != null);
        postgres.execute(
                "DELETE FROM " + schema + ".order_expiry WHERE order_id = '" + orderId + "'");

        awaitExpiration(orderId, Duration.ofSeconds(30));
        assertEquals(1, bus().expirationsOf(orderId).size());
    }

    @Test
    @Order(14)
    void aDeliveryThatLosesTheRaceForItsOrderIsUndoneWithItsTimer() throws SQLException {
        // Another delivery of the same order.created (on another replica) has inserted the order's
        // row and not committed yet; this server creates its timer, waits on the key, and when the
        // other commits, rolls back its own timer with its transaction.
        String orderId = Orders.newOrderId();
        Instant due = Instant.now().plusSeconds(4);
        long tasksBefore = count("SELECT COUNT(*) FROM " + schema + ".wlptask");
        try (Connection other = postgres.connect()) {
            other.setAutoCommit(false);
            insertRow(other, orderId, due, "handle-of-the-other-delivery");
            long created = bus().publish(Orders.created(orderId, due)).getSeqno();
            awaitAnInsertWaitingOnTheKey();
            other.commit();
            await("order.created acknowledged")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    bus().acknowledgedUpTo(stream, "timer-service-order-created")
                                            >= created);
        }
        assertEquals(tasksBefore, count("SELECT COUNT(*) FROM " + schema + ".wlptask"), "timers");
        assertEquals("handle-of-the-other-delivery", handleOf(orderId));
        // The other delivery's row named no real timer: nothing fires.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(due.plusSeconds(3)));
        assertEquals(List.of(), bus().expirationsOf(orderId));
        postgres.execute(
                "DELETE FROM " + schema + ".order_expiry WHERE order_id = '" + orderId + "'");
    }

    @Test
    @Order(15)
    void aDeliveryWhoseRivalRollsBackKeepsItsTimer() throws SQLException {
        String orderId = Orders.newOrderId();
        Instant due = Instant.now().plusSeconds(600);
        long tasksBefore = count("SELECT COUNT(*) FROM " + schema + ".wlptask");
        try (Connection other = postgres.connect()) {
            other.setAutoCommit(false);
            insertRow(other, orderId, due, "handle-of-a-delivery-that-fails");
            long created = bus().publish(Orders.created(orderId, due)).getSeqno();
            awaitAnInsertWaitingOnTheKey();
            other.rollback();
            await("order.created acknowledged")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    bus().acknowledgedUpTo(stream, "timer-service-order-created")
                                            >= created);
        }
        assertEquals(
                tasksBefore + 1, count("SELECT COUNT(*) FROM " + schema + ".wlptask"), "timers");
        assertNotEquals("handle-of-a-delivery-that-fails", handleOf(orderId));
        long cancelled = bus().publish(Orders.cancelled(orderId)).getSeqno();
        await("order.cancelled acknowledged")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus().acknowledgedUpTo(stream, "timer-service-order-cancelled")
                                        >= cancelled);
        assertEquals(tasksBefore, count("SELECT COUNT(*) FROM " + schema + ".wlptask"), "timers");
        assertNull(handleOf(orderId));
    }

    private void insertRow(Connection connection, String orderId, Instant due, String handle)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO "
                                + schema
                                + ".order_expiry (order_id, due_at, timer_handle) VALUES (?, ?, ?)")) {
            insert.setString(1, orderId);
            insert.setLong(2, due.toEpochMilli());
            insert.setString(3, handle);
            insert.executeUpdate();
        }
    }

    private void awaitAnInsertWaitingOnTheKey() {
        await("timer-service's insert waiting on the order's key")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () ->
                                count(
                                                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                                        + " AND query ILIKE 'INSERT INTO "
                                                        + schema
                                                        + ".ORDER_EXPIRY%'")
                                        > 0);
    }

    @Test
    @Order(16)
    void twoReplicasOnOneStoreKeepOneTimerPerOrder() {
        // A second server on the same schema, stream and durable consumers: JetStream shares each
        // subject's messages between the two, so two deliveries of one order.created may be
        // handled at the same moment on different servers. The primary key keeps one timer.
        replica = copyOfThisModule(REPLICA);
        replica.start();
        long tasksBefore = count("SELECT COUNT(*) FROM " + schema + ".wlptask");
        int orders = 60;
        List<String> ids = new ArrayList<>();
        long last = 0;
        Instant due = Instant.now().plusSeconds(600);
        for (int i = 0; i < orders; i++) {
            String orderId = Orders.newOrderId();
            ids.add(orderId);
            bus().publish(Orders.created(orderId, due));
            last = bus().publish(Orders.created(orderId, due)).getSeqno();
        }
        long lastCreated = last;
        await("all created acknowledged")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus().acknowledgedUpTo(stream, "timer-service-order-created")
                                        >= lastCreated);

        assertTrue(
                consumedCreated(postgresServer) > 0 && consumedCreated(replica) > 0,
                "both replicas handled order.created: "
                        + consumedCreated(postgresServer)
                        + " and "
                        + consumedCreated(replica));
        assertEquals(
                orders,
                count(
                        "SELECT COUNT(*) FROM "
                                + schema
                                + ".order_expiry WHERE order_id IN ("
                                + String.join(",", ids.stream().map(id -> "'" + id + "'").toList())
                                + ")"),
                "rows");
        assertEquals(
                tasksBefore + orders,
                count("SELECT COUNT(*) FROM " + schema + ".wlptask"),
                "timers");
        for (String orderId : ids) {
            assertEquals(200, status(replica, orderId), orderId);
        }

        // Either replica cancels any of them, whichever created it.
        for (String orderId : ids) {
            last = bus().publish(Orders.cancelled(orderId)).getSeqno();
        }
        long lastCancelled = last;
        await("all cancelled acknowledged")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                bus().acknowledgedUpTo(stream, "timer-service-order-cancelled")
                                        >= lastCancelled);
        assertEquals(tasksBefore, count("SELECT COUNT(*) FROM " + schema + ".wlptask"), "timers");
        for (String orderId : ids) {
            assertEquals(404, status(postgresServer, orderId), orderId);
        }
        replica.stop();
        replica = null;
    }

    @Test
    @Order(17)
    void timersFromBeforeTheExpiryTableAreIndexedWhenItIsCreated() {
        // The first start of this version on a store with timers of the previous one: they have no
        // rows.
        String kept = Orders.newOrderId();
        String cancelled = Orders.newOrderId();
        Instant due = Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        bus().publish(Orders.created(kept, due));
        bus().publish(Orders.created(cancelled, due.plusMillis(1)));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> handleOf(kept) != null && handleOf(cancelled) != null);
        postgresServer.stop();
        postgres.execute("DROP TABLE " + schema + ".order_expiry");

        postgresServer.start();
        assertEquals(new PendingTimer(kept, due), postgresServer.timers().pendingFor(kept));
        bus().publish(Orders.cancelled(cancelled));
        bus().publish(Orders.cancelled(kept));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> handleOf(kept) == null && handleOf(cancelled) == null);
        assertEquals(0, count("SELECT COUNT(*) FROM " + schema + ".wlptask"), "timers left");
    }

    private String handleOf(String orderId) {
        return postgres.queryString(
                "SELECT timer_handle FROM " + schema + ".order_expiry WHERE order_id = ?", orderId);
    }

    private long count(String sql) {
        return Long.parseLong(postgres.queryString(sql));
    }

    private long consumedCreated(LibertyServer server) {
        String metric = "ticketing_events_consumed_total";
        String subject = prefix + ".order.created";
        return http.get(server.url("/metrics?scope=application"))
                .body()
                .lines()
                .filter(l -> l.startsWith(metric + "{") && l.contains("\"" + subject + "\""))
                .mapToLong(
                        l ->
                                (long)
                                        Double.parseDouble(
                                                l.substring(l.lastIndexOf('}') + 1)
                                                        .trim()
                                                        .split(" ")[0]))
                .sum();
    }

    @AfterAll
    void stopAndDropSchema() {
        if (replica != null) {
            replica.stop();
        }
        if (postgresServer != null) {
            postgresServer.stop();
            postgres.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
