package dev.ticketing.timer.it;

import static org.awaitility.Awaitility.await;

import dev.ticketing.testing.HttpApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server of this module, controlled through the runtime's own {@code server} script (the
 * same runtime and user directory the build uses), so a test can stop it and start it again.
 */
final class LibertyServer {
    private final Path wlpDir;
    private final Path userDir;
    private final String name;
    private final URI baseUrl;
    private final HttpApi http = new HttpApi();

    LibertyServer(Path wlpDir, Path userDir, String name, URI baseUrl) {
        this.wlpDir = wlpDir;
        this.userDir = userDir;
        this.name = name;
        this.baseUrl = baseUrl;
    }

    /**
     * The server the build started for this module's integration tests, reached on its operator
     * port: timer-service's /internal/timers and health are operator routes (docs/api.md).
     */
    static LibertyServer ofThisModule() {
        return new LibertyServer(
                Path.of(required("it.wlp.dir")),
                Path.of(required("it.wlp.user.dir")),
                required("it.server.name"),
                URI.create(required("it.operator.url")));
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(
                    "system property " + property + " is not set: run through mvn verify");
        }
        return value;
    }

    String name() {
        return name;
    }

    Path wlpDir() {
        return wlpDir;
    }

    Path userDir() {
        return userDir;
    }

    Path serverDir() {
        return userDir.resolve("servers").resolve(name);
    }

    URI url(String path) {
        return URI.create(baseUrl + path);
    }

    void stop() {
        run("stop");
    }

    /** Starts the server and waits until timer-service reports ready. */
    void start() {
        run("start");
        awaitReady();
    }

    void awaitReady() {
        await("timer-service ready at " + baseUrl)
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> http.get(url("/health/ready")).status() == 200);
    }

    private void run(String action) {
        ProcessBuilder command =
                new ProcessBuilder(List.of(wlpDir.resolve("bin/server").toString(), action, name))
                        .redirectErrorStream(true)
                        .redirectOutput(
                                serverDir().resolveSibling(name + "-" + action + ".out").toFile());
        command.environment().put("WLP_USER_DIR", userDir.toString());
        try {
            Files.createDirectories(serverDir().getParent());
            Process process = command.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "server " + action + " " + name + " did not finish");
            }
            int exit = process.exitValue();
            // stop: 1 means "was not running"; start: 1 means "already running".
            if (exit != 0 && exit != 1) {
                throw new IllegalStateException(
                        "server " + action + " " + name + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
