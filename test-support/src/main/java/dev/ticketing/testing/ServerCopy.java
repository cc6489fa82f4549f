package dev.ticketing.testing;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A second Liberty server of this module for fault tests: a copy of the integration-test server
 * (same runtime, same WAR) without the test-only extras, on its own port, database, stream and
 * subjects, whose bootstrap properties the test sets (for example a fault point) before each start.
 */
public final class ServerCopy implements AutoCloseable {
    private static final Set<String> LEFT_OUT =
            Set.of("logs", "workarea", "configDropins", "data", "expanded", "bootstrap.properties");

    /**
     * Apps deployed beside a service for its tests only (auth-service, the issuer of their
     * sessions), which a copy leaves out: the build's {@code it.copy.leave.out}, comma-separated.
     */
    private static final Set<String> TEST_ONLY_APPS =
            Set.of(System.getProperty("it.copy.leave.out", "auth-service.war").split("\\s*,\\s*"));

    private final LibertyServerScript script;
    private final String name;
    private final Path dir;
    private final int port;
    private final int operatorPort;
    private final Map<String, String> baseProperties = new LinkedHashMap<>();

    public ServerCopy(String suffix, Map<String, String> properties) {
        LibertyServerScript module = LibertyServerScript.ofThisModule();
        String original = module.name();
        this.name = original + "-" + suffix;
        this.script = module.named(name);
        this.dir = script.serverDir();
        this.port = freePort();
        int other = freePort();
        while (other == port) {
            other = freePort();
        }
        this.operatorPort = other;
        Path from = module.serverDir();
        deleteTree(dir);
        copyTree(from, dir, original.equals("auth-service") ? Set.of() : TEST_ONLY_APPS);
        // The original's settings (for example where its payment gateway is), then this copy's own.
        baseProperties.putAll(readProperties(from.resolve("bootstrap.properties")));
        baseProperties.put("http.port", Integer.toString(port));
        baseProperties.put("operator.port", Integer.toString(operatorPort));
        baseProperties.put("nats.url", System.getProperty("nats.url"));
        baseProperties.put("mongodb.url", System.getProperty("it.store.url"));
        baseProperties.putAll(properties);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A path on the copy's operator port: /health, /metrics, /openapi, /internal/*. */
    public URI operatorUrl(String path) {
        return URI.create("http://127.0.0.1:" + operatorPort + path);
    }

    public Path log() {
        return dir.resolve("logs/messages.log");
    }

    /** Starts the copy with its base properties plus {@code extra}, and waits until it is ready. */
    public void start(Map<String, String> extra) {
        start(extra, true);
    }

    /**
     * Starts the copy with its base properties plus {@code extra}; waits until it is ready, or with
     * {@code untilReady} false only until its readiness checks answer at all (200 or 503 naming
     * what is DOWN): for a configuration that must keep the server unready.
     */
    public void start(Map<String, String> extra, boolean untilReady) {
        StringBuilder bootstrap = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>(baseProperties);
        all.putAll(extra);
        all.forEach((k, v) -> bootstrap.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(dir.resolve("bootstrap.properties"), bootstrap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // On a busy machine "server start" may give up waiting for the server's status (exit 22)
        // although the server goes on starting: readiness is the only answer that counts.
        int rc = script.start();
        HttpApi http = new HttpApi();
        await("server " + name + " ready (server start exited " + rc + "; see " + log() + ")")
                .atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> {
                            HttpApi.Reply reply = http.get(operatorUrl("/health/ready"));
                            return untilReady
                                    ? reply.status() == 200
                                    : (reply.status() == 200 || reply.status() == 503)
                                            && !reply.json().getJsonArray("checks").isEmpty();
                        });
    }

    /** The copy's /health/ready answer now: 200 with every check UP, or 503 with what is DOWN. */
    public HttpApi.Reply readiness() {
        return new HttpApi().get(operatorUrl("/health/ready"));
    }

    /**
     * Waits until readiness reports the check {@code checkName} with {@code dataKey} as {@code
     * expected} ("UP" or "DOWN"), the whole answer being 200 for UP and 503 for DOWN.
     */
    public void awaitReadiness(String checkName, String dataKey, String expected, Duration atMost) {
        int status = "UP".equals(expected) ? 200 : 503;
        String[] last = {"no answer yet"};
        try {
            await().atMost(atMost)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                HttpApi.Reply reply = readiness();
                                last[0] = reply.status() + " " + reply.body();
                                return reply.status() == status
                                        && reply.json().getJsonArray("checks").stream()
                                                .map(JsonValue::asJsonObject)
                                                .anyMatch(
                                                        c ->
                                                                checkName.equals(
                                                                                c.getString("name"))
                                                                        && expected.equals(
                                                                                c.getString(
                                                                                        "status"))
                                                                        && c.containsKey("data")
                                                                        && expected.equals(
                                                                                c.getJsonObject(
                                                                                                "data")
                                                                                        .getString(
                                                                                                dataKey,
                                                                                                "")));
                            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "readiness of "
                            + name
                            + " never showed check "
                            + checkName
                            + " with "
                            + dataKey
                            + " "
                            + expected
                            + " within "
                            + atMost
                            + "; last answer: "
                            + last[0],
                    e);
        }
    }

    /** True while the server's JVM runs. */
    public boolean isRunning() {
        return script.isRunning();
    }

    public void stop() {
        if (isRunning()) {
            script.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Map<String, String> read = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return read;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> read.put(k, properties.getProperty(k)));
        return read;
    }

    private static void copyTree(Path from, Path to, Set<String> alsoLeftOut) {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.filter(
                            p ->
                                    from.relativize(p).toString().isEmpty()
                                            || !leftOut(from.relativize(p))
                                                    && !alsoLeftOut.contains(
                                                            p.getFileName().toString()))
                    .forEach(
                            p -> {
                                try {
                                    Path target = to.resolve(from.relativize(p).toString());
                                    if (Files.isDirectory(p)) {
                                        Files.createDirectories(target);
                                    } else {
                                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                                    }
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean leftOut(Path relative) {
        for (Path part : relative) {
            if (LEFT_OUT.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
