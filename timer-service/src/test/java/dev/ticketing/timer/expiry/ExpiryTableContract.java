package dev.ticketing.timer.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.timer.domain.Expiry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The expiry table's SQL on a real database: each store's test supplies connections to an empty
 * schema of its own. What timer-service relies on: the table is created once, one row per order, a
 * second insert of an order is refused (also when it races the first), and every statement
 * addresses one row by its key.
 */
abstract class ExpiryTableContract {
    private static final Instant DUE = Instant.parse("2030-01-01T12:00:00.123Z");
    private ExpiryTable table;
    private Connection connection;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    /** A new connection to the database under test (auto-commit on). */
    abstract Connection connect() throws SQLException;

    /** The (empty) schema the table goes into. */
    abstract String schema();

    /** Before each test: whatever the database needs first (or an assumption that it is there). */
    void prepare() throws SQLException {}

    /** After each test, its connections closed. */
    void cleanUp() throws SQLException {}

    @BeforeEach
    void createTable() throws SQLException {
        prepare();
        table = new ExpiryTable(schema());
        connection = connect();
        assertTrue(table.createIfMissing(connection), "created");
    }

    @AfterEach
    void close() throws SQLException {
        other.shutdownNow();
        if (connection != null) {
            connection.close();
        }
        cleanUp();
    }

    @Test
    void isCreatedOnceAndFoundAfterwards() throws SQLException {
        assertTrue(table.exists(connection));
        assertFalse(table.createIfMissing(connection), "a second time");
        try (Connection another = connect()) {
            assertFalse(
                    new ExpiryTable(schema()).createIfMissing(another), "from another connection");
        }
    }

    @Test
    void keepsOneRowPerOrder() throws SQLException {
        assertTrue(table.insert(connection, new ExpiryTable.Row("order-1", DUE, "handle-1")));
        assertFalse(
                table.insert(
                        connection, new ExpiryTable.Row("order-1", DUE.plusSeconds(5), "handle-2")),
                "a second row for order-1");
        assertEquals(
                Optional.of(new ExpiryTable.Row("order-1", DUE, "handle-1")),
                table.find(connection, "order-1"));
        assertEquals(Optional.empty(), table.find(connection, "order-2"));
    }

    @Test
    void deletesARowOnlyWhileItNamesTheGivenTimer() throws SQLException {
        table.insert(connection, new ExpiryTable.Row("order-1", DUE, "handle-1"));
        assertFalse(table.delete(connection, "order-1", "handle-of-another-timer"));
        assertTrue(table.find(connection, "order-1").isPresent());
        assertTrue(table.delete(connection, "order-1", "handle-1"));
        assertFalse(table.delete(connection, "order-1", "handle-1"), "gone already");
        assertEquals(Optional.empty(), table.find(connection, "order-1"));
    }

    @Test
    void listsEveryPendingExpirySoonestFirst() throws SQLException {
        table.insert(connection, new ExpiryTable.Row("order-b", DUE.plusSeconds(60), "h"));
        table.insert(connection, new ExpiryTable.Row("order-c", DUE, "h"));
        table.insert(connection, new ExpiryTable.Row("order-a", DUE, "h"));
        assertEquals(
                List.of(
                        new Expiry("order-a", DUE),
                        new Expiry("order-c", DUE),
                        new Expiry("order-b", DUE.plusSeconds(60))),
                table.all(connection));
    }

    @Test
    void aSecondInsertOfAnOrderWaitsForTheFirstAndIsRefusedWhenItCommits() throws Exception {
        try (Connection first = connect();
                Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertTrue(table.insert(first, new ExpiryTable.Row("order-1", DUE, "handle-first")));
            Future<Boolean> racing =
                    other.submit(
                            () ->
                                    table.insert(
                                            second,
                                            new ExpiryTable.Row("order-1", DUE, "handle-second")));
            assertThrows(
                    TimeoutException.class,
                    () -> racing.get(500, TimeUnit.MILLISECONDS),
                    "waits on the key");
            first.commit();
            assertFalse(racing.get(30, TimeUnit.SECONDS), "refused once the first committed");
            second.rollback();
        }
        assertEquals("handle-first", table.find(connection, "order-1").orElseThrow().handle());
    }

    @Test
    void aSecondInsertOfAnOrderSucceedsWhenTheFirstRollsBack() throws Exception {
        try (Connection first = connect();
                Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertTrue(table.insert(first, new ExpiryTable.Row("order-1", DUE, "handle-first")));
            CompletableFuture<Boolean> racing =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return table.insert(
                                            second,
                                            new ExpiryTable.Row("order-1", DUE, "handle-second"));
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            other);
            assertThrows(
                    TimeoutException.class,
                    () -> racing.get(500, TimeUnit.MILLISECONDS),
                    "waits on the key");
            first.rollback();
            assertTrue(racing.get(30, TimeUnit.SECONDS), "stored once the first rolled back");
            second.commit();
        }
        assertEquals("handle-second", table.find(connection, "order-1").orElseThrow().handle());
    }

    @Test
    void refusesASchemaNameThatIsNoPlainIdentifier() {
        assertThrows(IllegalArgumentException.class, () -> new ExpiryTable("timers; DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> new ExpiryTable("\"Quoted\""));
    }
}
