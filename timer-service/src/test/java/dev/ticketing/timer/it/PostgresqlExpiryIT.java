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

    private final Postgres postgres = new Postgres();
    private final String schema = "timers_" + LibertyServer.required("ticketing.run.id");
    private final String prefix = LibertyServer.required("it.subject.prefix") + "-pg";
    private LibertyServer postgresServer;

    @Override
    LibertyServer server() {
        assumeTrue(postgres.answers(), "SKIPPED: the PostgreSQL run of the expiry suite needs a PostgreSQL: "
                + postgres.absent());
        postgres.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
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
            postgres.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
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
            postgres.timerStore(schema).forEach(bootstrap::setProperty);
            try (OutputStream out = Files.newOutputStream(to.resolve("bootstrap.properties"))) {
                bootstrap.store(out, "timer-service on PostgreSQL, written by " + getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
