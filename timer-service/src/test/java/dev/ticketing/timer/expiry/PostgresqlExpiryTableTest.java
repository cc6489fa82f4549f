package dev.ticketing.timer.expiry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The expiry table on PostgreSQL, in a schema of each test's own, at {@code it.postgres.url}
 * (default jdbc:postgresql://127.0.0.1:5432/test, user postgres); skipped, saying so, where none
 * answers.
 */
class PostgresqlExpiryTableTest extends ExpiryTableContract {
    private final String url =
            System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getProperty("it.postgres.user", "postgres");
    private final String password = System.getProperty("it.postgres.password", "");
    private final String schema = "expiry_test_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    void prepare() throws SQLException {
        boolean answers;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            answers = c.isValid(3);
        } catch (SQLException e) {
            answers = false;
        }
        assumeTrue(answers, "SKIPPED: no PostgreSQL answers at " + url + " (user " + user + ")");
        execute("CREATE SCHEMA " + schema);
    }

    @Override
    void cleanUp() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    String schema() {
        return schema;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
