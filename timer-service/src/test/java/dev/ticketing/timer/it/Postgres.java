package dev.ticketing.timer.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PostgreSQL that the PostgreSQL runs use: {@code it.postgres.url} (default
 * jdbc:postgresql://127.0.0.1:5432/test), {@code it.postgres.user} (postgres), {@code
 * it.postgres.password} (empty). Each run keeps its timers in a schema of its own.
 */
final class Postgres {
    final String jdbcUrl =
            System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    final String user = System.getProperty("it.postgres.user", "postgres");
    final String password = System.getProperty("it.postgres.password", "");

    boolean answers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    String absent() {
        return "no PostgreSQL answers at "
                + jdbcUrl
                + " (user "
                + user
                + "); set -Dit.postgres.url/-Dit.postgres.user/-Dit.postgres.password";
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + jdbcUrl, e);
        }
    }

    /**
     * The first column of the first row {@code sql} selects (with {@code parameters}), or null when
     * none.
     */
    String queryString(String sql, String... parameters) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + jdbcUrl, e);
        }
    }

    /**
     * The names of the tables in {@code schema} (PostgreSQL folds unquoted names to lower case).
     */
    List<String> tables(String schema) {
        String sql =
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name";
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema.toLowerCase(Locale.ROOT));
            List<String> names = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + jdbcUrl, e);
        }
    }

    /**
     * The bootstrap properties that put a server's timer store into {@code schema} of this
     * database.
     */
    Map<String, String> timerStore(String schema) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("timers.db.url", jdbcUrl);
        properties.put("timers.db.user", user);
        properties.put("timers.db.password", password);
        properties.put("timers.db.schema", schema);
        return properties;
    }
}
