package dev.ticketing.system.expiry;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.ServiceUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform server under test (this module's Liberty server), stopped and started with the
 * runtime's own server script, as an operator restarting it would.
 */
final class PlatformServer {
    /**
     * The tag of tests that stop and start this module's platform server: they cannot run against a
     * platform the build did not start (the split servers of ./ticketing test).
     */
    static final String RESTARTS_IT = "restarts-the-platform";

    private static final String SERVER = System.getProperty("it.server.name", "system-tests");
    private static final Path WLP =
            Path.of(System.getProperty("it.wlp.dir", "../target/liberty/wlp"));
    private static final Path USER_DIR =
            Path.of(System.getProperty("it.wlp.user.dir", "target/liberty/usr"));

    private PlatformServer() {}

    static void stop() {
        run("stop");
    }

    /** Starts the server and waits until every application reports ready. */
    static void start() {
        run("start");
        HttpApi http = new HttpApi();
        Marketplace.eventually(
                "platform ready",
                Duration.ofMinutes(4),
                () -> http.get(ServiceUnderTest.operatorUrl("/health/ready")).status(),
                s -> s == 200);
    }

    private static void run(String action) {
        ProcessBuilder command =
                new ProcessBuilder(List.of(WLP.resolve("bin/server").toString(), action, SERVER))
                        .redirectErrorStream(true)
                        .redirectOutput(
                                USER_DIR.resolve("servers/" + SERVER + "-" + action + ".out")
                                        .toFile());
        command.environment().put("WLP_USER_DIR", USER_DIR.toAbsolutePath().toString());
        try {
            Process process = command.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " did not finish");
            }
            if (process.exitValue() > 1) {
                throw new IllegalStateException(
                        "server " + action + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
