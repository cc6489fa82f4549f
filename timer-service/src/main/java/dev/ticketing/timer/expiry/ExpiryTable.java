package dev.ticketing.timer.expiry;

import dev.ticketing.timer.domain.Expiry;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The index of pending expiries: table {@code ORDER_EXPIRY} in the timer store's schema, beside
 * Liberty's own timer tables, one row per order with a pending timer:
 *
 * <pre>
 * ORDER_ID     VARCHAR(255)  primary key: at most one pending expiry per order, on every replica
 * DUE_AT       BIGINT        the due time, milliseconds since the epoch (no time zone to get wrong)
 * TIMER_HANDLE VARCHAR(2000) the timer's serialized TimerHandle, Base64
 * </pre>
 *
 * Every statement a single event needs reads or writes one row by its primary key, so handling an
 * event costs the same with ten pending timers or ten thousand. The DDL and SQL are plain enough
 * for Derby and PostgreSQL alike. The caller supplies the connection, and with it the transaction.
 */
final class ExpiryTable {
    static final String NAME = "ORDER_EXPIRY";
    static final int MAX_ORDER_ID = 255;
    static final int MAX_HANDLE = 2000;
    private static final String UNIQUE_VIOLATION =
            "23505"; // SQLState of a duplicate key, Derby and PostgreSQL
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** A pending expiry as stored: its due time and its timer's handle. */
    record Row(String orderId, Instant dueAt, String handle) {
        Expiry expiry() {
            return new Expiry(orderId, dueAt);
        }
    }

    private final String schema;
    private final String table;

    /**
     * The table in {@code schema} (an unquoted SQL identifier), or in the connection's current
     * schema when blank.
     */
    ExpiryTable(String schema) {
        this.schema = schema == null ? "" : schema.trim();
        if (!this.schema.isEmpty() && !IDENTIFIER.matcher(this.schema).matches()) {
            throw new IllegalArgumentException(
                    "timers.db.schema must be a plain SQL identifier, not '" + schema + "'");
        }
        this.table = this.schema.isEmpty() ? NAME : this.schema + "." + NAME;
    }

    String qualifiedName() {
        return table;
    }

    /**
     * Creates the table unless it exists, in a local transaction of {@code connection} (not in a
     * global one). True when this call created it; false when it existed, also when another server
     * created it at the same moment.
     */
    boolean createIfMissing(Connection connection) throws SQLException {
        if (exists(connection)) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement create = connection.createStatement()) {
            create.executeUpdate(
                    "CREATE TABLE "
                            + table
                            + " ("
                            + "ORDER_ID VARCHAR("
                            + MAX_ORDER_ID
                            + ") NOT NULL PRIMARY KEY, "
                            + "DUE_AT BIGINT NOT NULL, "
                            + "TIMER_HANDLE VARCHAR("
                            + MAX_HANDLE
                            + ") NOT NULL)");
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            if (exists(connection)) {
                return false;
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String inSchema = schema.isEmpty() ? connection.getSchema() : fold(meta, schema);
        try (ResultSet tables =
                meta.getTables(null, inSchema, fold(meta, NAME), new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** Unquoted identifiers are stored upper case by Derby, lower case by PostgreSQL. */
    private static String fold(DatabaseMetaData meta, String identifier) throws SQLException {
        if (meta.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        if (meta.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        return identifier;
    }

    /**
     * Stores the order's pending expiry. False, with nothing stored, when the order already has
     * one: then the primary key refused the row (on PostgreSQL this also dooms the transaction,
     * which the caller must roll back). A concurrent insert of the same order waits for the first
     * to commit or roll back.
     */
    boolean insert(Connection connection, Row row) throws SQLException {
        if (row.handle().length() > MAX_HANDLE) {
            throw new IllegalStateException(
                    "a timer handle of "
                            + row.handle().length()
                            + " characters does not fit "
                            + table
                            + ".TIMER_HANDLE ("
                            + MAX_HANDLE
                            + ")");
        }
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO "
                                + table
                                + " (ORDER_ID, DUE_AT, TIMER_HANDLE) VALUES (?, ?, ?)")) {
            insert.setString(1, row.orderId());
            insert.setLong(2, row.dueAt().toEpochMilli());
            insert.setString(3, row.handle());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    Optional<Row> find(Connection connection, String orderId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(
                        "SELECT DUE_AT, TIMER_HANDLE FROM " + table + " WHERE ORDER_ID = ?")) {
            select.setString(1, orderId);
            try (ResultSet found = select.executeQuery()) {
                return found.next()
                        ? Optional.of(
                                new Row(
                                        orderId,
                                        Instant.ofEpochMilli(found.getLong(1)),
                                        found.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** Removes the order's row if it still names the timer {@code handle}; true when it did. */
    boolean delete(Connection connection, String orderId, String handle) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE ORDER_ID = ? AND TIMER_HANDLE = ?")) {
            delete.setString(1, orderId);
            delete.setString(2, handle);
            return delete.executeUpdate() > 0;
        }
    }

    /** Every pending expiry, soonest first (ties by order id). */
    List<Expiry> all(Connection connection) throws SQLException {
        List<Expiry> pending = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows =
                        select.executeQuery(
                                "SELECT ORDER_ID, DUE_AT FROM "
                                        + table
                                        + " ORDER BY DUE_AT, ORDER_ID")) {
            while (rows.next()) {
                pending.add(new Expiry(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))));
            }
        }
        return pending;
    }
}
