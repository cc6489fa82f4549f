package dev.ticketing.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One Liberty server controlled through the runtime's own {@code bin/server} script, as an operator
 * (and ./ticketing) does: the one way tests start, stop and ask about a server, whether the server
 * the build started for the module ({@link #ofThisModule()}) or a {@link ServerCopy} of it. Each
 * action's output goes to {@code servers/NAME-ACTION.out} beside the server.
 */
public final class LibertyServerScript {
    private static final long TIMEOUT_SECONDS = 240;

    private final Path wlp;
    private final Path userDir;
    private final String name;

    public LibertyServerScript(Path wlp, Path userDir, String name) {
        this.wlp = wlp;
        this.userDir = userDir;
        this.name = name;
    }

    /**
     * The server the build started for this module's integration tests: the failsafe properties
     * {@code it.wlp.dir}, {@code it.user.dir} and {@code it.server.name}.
     */
    public static LibertyServerScript ofThisModule() {
        return new LibertyServerScript(
                Path.of(required("it.wlp.dir")),
                Path.of(required("it.user.dir")),
                required("it.server.name"));
    }

    /** A copy of this server's runtime and user directory under another server name. */
    public LibertyServerScript named(String otherName) {
        return new LibertyServerScript(wlp, userDir, otherName);
    }

    public String name() {
        return name;
    }

    public Path userDir() {
        return userDir;
    }

    public Path serverDir() {
        return userDir.resolve("servers").resolve(name);
    }

    /**
     * Starts the server. The script's exit code is not the answer: 1 means it was already running,
     * and on a busy machine it may give up waiting for the server's status (22) although the server
     * goes on starting, so callers wait for readiness themselves.
     */
    public int start() {
        return run("start");
    }

    /** Stops the server if it runs (1: it was not running). */
    public void stop() {
        int exit = run("stop");
        if (exit > 1) {
            throw new IllegalStateException(
                    "server stop " + name + " exited with " + exit + "; see " + output("stop"));
        }
    }

    public boolean isRunning() {
        return run("status") == 0;
    }

    private Path output(String action) {
        return userDir.resolve("servers").resolve(name + "-" + action + ".out");
    }

    private int run(String action) {
        ProcessBuilder command =
                new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                        .redirectErrorStream(true)
                        .redirectOutput(output(action).toFile());
        command.environment().put("WLP_USER_DIR", userDir.toAbsolutePath().toString());
        try {
            Files.createDirectories(userDir.resolve("servers"));
            Process process = command.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "server " + action + " " + name + " did not finish");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(
                    "system property "
                            + property
                            + " is not set: run integration tests through Maven (./ticketing test or"
                            + " mvn verify)");
        }
        return value;
    }
}
