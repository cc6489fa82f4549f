package dev.ticketing.timer.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * The same expiry suite on PostgreSQL, the production timer store: a second Liberty server, a copy
 * of this module's (same WAR, same server.xml and fragments), configured only through bootstrap
 * properties: its timers in a schema of this run on the PostgreSQL at {@code it.postgres.url}
 * (default jdbc:postgresql://127.0.0.1:5432/test, user postgres), its own stream and subjects.
 * Where no PostgreSQL answers, the suite is skipped and says why.
 */
class PostgresqlExpiryIT extends ExpirySuite {
    private static final String SERVER = "timer-service-postgresql";

    private final String jdbcUrl = System.getProperty("it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getProperty("it.postgres.user", "postgres");
    private final String password = System.getProperty("it.postgres.password", "");
    private final String schema = "timers_" + LibertyServer.required("ticketing.run.id");
    private final String prefix = LibertyServer.required("it.subject.prefix") + "-pg";
    private LibertyServer postgresServer;

    @Override
    LibertyServer server() {
        assumeTrue(postgresAnswers(), "SKIPPED: no PostgreSQL answers at " + jdbcUrl + " (user " + user
                + "); the PostgreSQL run of the expiry suite needs one (set -Dit.postgres.url/-user/-password)");
        execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        LibertyServer module = LibertyServer.ofThisModule();
        int port = freePort();
        postgresServer = new LibertyServer(module.wlpDir(), module.userDir(), SERVER,
                URI.create("http://127.0.0.1:" + port));
        copyServer(module.serverDir(), postgresServer.serverDir(), port);
        postgresServer.start();
        return postgresServer;
    }

    @Override
    String subjectPrefix() {
        return prefix;
    }

    @AfterAll
    void stopAndDropSchema() {
        if (postgresServer != null) {
            postgresServer.stop();
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private void copyServer(Path from, Path to, int port) {
        try {
            Files.createDirectories(to.resolve("apps"));
            Files.copy(from.resolve("server.xml"), to.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(from.resolve("apps/timer-service.war"), to.resolve("apps/timer-service.war"),
                    StandardCopyOption.REPLACE_EXISTING);
            Path fragments = to.resolve("fragments");
            Files.createDirectories(fragments);
            try (Stream<Path> files = Files.list(from.resolve("fragments"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, fragments.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Properties bootstrap = new Properties();
            try (InputStream in = Files.newInputStream(from.resolve("bootstrap.properties"))) {
                bootstrap.load(in);
            }
            bootstrap.setProperty("http.port", Integer.toString(port));
            bootstrap.setProperty("ticketing.stream", LibertyServer.required("it.stream") + "-PG");
            bootstrap.setProperty("ticketing.subject.prefix", prefix);
            bootstrap.setProperty("timers.db.url", jdbcUrl);
            bootstrap.setProperty("timers.db.user", user);
            bootstrap.setProperty("timers.db.password", password);
            bootstrap.setProperty("timers.db.schema", schema);
            try (OutputStream out = Files.newOutputStream(to.resolve("bootstrap.properties"))) {
                bootstrap.store(out, "timer-service on PostgreSQL, written by " + getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + jdbcUrl, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
