package dev.ticketing.nats.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A NATS server with JetStream for tests.
 *
 * <ul>
 *   <li>{@link #shared()}: the URL of a reachable NATS with JetStream: {@code -Dnats.url} or {@code
 *       NATS_URL} or {@code nats://127.0.0.1:4222}; if that is not reachable, a {@code nats-server}
 *       started once for this JVM (stopped at exit).
 *   <li>{@link #startPrivate()}: a dedicated server on a free port with its own store directory,
 *       which the test can {@link #stop()} and {@link #start()} again on the same port and store.
 * </ul>
 *
 * The binary is found via {@code -Dnats.server.bin}/{@code NATS_SERVER_BIN}, else on PATH or in
 * /usr/sbin, /usr/local/sbin, /usr/local/bin. Without one (and no reachable NATS) it fails with a
 * message saying to {@code apt-get install nats-server}; it never skips. Tests should use {@link
 * #uniqueName(String)} for streams and subject prefixes and delete their streams.
 */
public final class NatsTestServer implements AutoCloseable {

    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";

    private static NatsTestServer fallback;

    private final int port;
    private final Path storeDir;
    private final Path logFile;
    private Process process;

    private NatsTestServer(int port, Path storeDir) {
        this.port = port;
        this.storeDir = storeDir;
        this.logFile = storeDir.resolveSibling(storeDir.getFileName() + ".log");
    }

    /** The URL of a NATS with JetStream that tests may share (use unique stream names). */
    public static synchronized String shared() {
        String url = configuredUrl();
        if (hasJetStream(url)) {
            return url;
        }
        if (fallback == null) {
            System.err.println(
                    "[NatsTestServer] no NATS with JetStream at " + url + "; starting nats-server");
            fallback = startPrivate();
        }
        return fallback.url();
    }

    /** {@code -Dnats.url}, else {@code NATS_URL}, else {@value #DEFAULT_URL}. */
    public static String configuredUrl() {
        return Optional.ofNullable(System.getProperty("nats.url"))
                .filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("NATS_URL")).filter(s -> !s.isBlank()))
                .orElse(DEFAULT_URL);
    }

    /** Starts a dedicated nats-server (JetStream, 127.0.0.1, free port, temp store dir). */
    public static NatsTestServer startPrivate() {
        try {
            Path dir = Files.createTempDirectory("nats-test-");
            NatsTestServer server = new NatsTestServer(freePort(), dir.resolve("store"));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(server::close, "nats-test-server-stop"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path storeDir() {
        return storeDir;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts (again) on the same port and store directory; returns once JetStream answers. */
    public synchronized NatsTestServer start() {
        if (isRunning()) {
            return this;
        }
        String binary = binary();
        List<String> cmd =
                List.of(
                        binary,
                        "-js",
                        "-a",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-sd",
                        storeDir.toString());
        try {
            process =
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                            .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + cmd + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!hasJetStream(url())) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = readLog();
                stop();
                throw new IllegalStateException(
                        "nats-server did not start on port " + port + ":\n" + log);
            }
            pause(50);
        }
        return this;
    }

    /** Stops the server gracefully (SIGTERM), keeping the store for a later {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        waitUntilPortFree();
    }

    /** Kills the server (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        waitUntilPortFree();
    }

    /** Stops the server and deletes its store. */
    @Override
    public synchronized void close() {
        stop();
        deleteRecursively(storeDir.getParent());
    }

    /** A name unique to this run: {@code prefix + 10 random alphanumerics}. */
    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Deletes a stream, ignoring a missing one or an unreachable server. */
    public static void deleteStream(String url, String stream) {
        try (Connection c = connect(url)) {
            c.jetStreamManagement().deleteStream(stream);
        } catch (Exception e) {
            // best effort: the stream may not exist
        }
    }

    /** A plain connection for assertions (caller closes it). */
    public static Connection connect(String url) throws IOException, InterruptedException {
        return Nats.connect(
                new Options.Builder()
                        .server(url)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .maxReconnects(-1)
                        .reconnectWait(Duration.ofMillis(200))
                        .build());
    }

    // ---- internals -------------------------------------------------------------------------

    static boolean hasJetStream(String url) {
        URI uri = URI.create(url.split(",")[0].trim());
        try (Socket s = new Socket()) {
            s.connect(
                    new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 4222 : uri.getPort()),
                    1000);
        } catch (IOException e) {
            return false;
        }
        Options options =
                new Options.Builder()
                        .server(url)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .maxReconnects(0)
                        .noReconnect()
                        .build();
        try (Connection c = Nats.connect(options)) {
            JetStreamManagement jsm = c.jetStreamManagement();
            jsm.getAccountStatistics();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String binary() {
        String configured =
                Optional.ofNullable(System.getProperty("nats.server.bin"))
                        .orElse(System.getenv("NATS_SERVER_BIN"));
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/usr/bin"));
        for (String dir : dirs) {
            Path candidate = Paths.get(dir, "nats-server");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                "No NATS with JetStream reachable at "
                        + configuredUrl()
                        + " and no nats-server binary on PATH or in /usr/sbin. Install it with `apt-get install nats-server`"
                        + " (or set NATS_URL / -Dnats.url to a running NATS started with -js, or -Dnats.server.bin).");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private void waitUntilPortFree() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("127.0.0.1", port));
                return;
            } catch (IOException e) {
                pause(50);
            }
        }
    }

    private String readLog() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // polling a process/port, not waiting for messages
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir: best effort
        }
    }
}
