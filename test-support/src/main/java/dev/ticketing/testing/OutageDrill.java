package dev.ticketing.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy of this module's server on a store and a NATS server of the test's own, whose dependencies
 * the drill takes away and brings back while the server keeps running: readiness must say DOWN
 * (503, naming what is missing) during the outage and UP again afterwards, with no restart.
 */
public final class OutageDrill implements AutoCloseable {
    /**
     * Noticing an outage or a return takes a few health calls (each waits up to 2 s for the store).
     */
    private static final Duration NOTICED = Duration.ofSeconds(60);

    private final String checkName;
    private final OwnDependencies dependencies;
    private final ServerCopy server;

    private OutageDrill(String checkName, OwnDependencies dependencies, ServerCopy server) {
        this.checkName = checkName;
        this.dependencies = dependencies;
        this.server = server;
    }

    /** Starts the dependencies and the server copy, and waits until it reports ready. */
    public static OutageDrill start(String checkName) {
        String run = TestRun.id();
        OwnDependencies dependencies = OwnDependencies.start();
        ServerCopy server = null;
        try {
            Map<String, String> properties = new LinkedHashMap<>(dependencies.serverProperties());
            properties.put("ticketing.stream", "OUTAGE-" + checkName + "-" + run);
            properties.put("ticketing.subject.prefix", "outage-" + checkName + "-" + run);
            server = new ServerCopy("outage", properties);
            server.start(Map.of());
            return new OutageDrill(checkName, dependencies, server);
        } catch (RuntimeException | Error e) {
            if (server != null) {
                server.close();
            }
            dependencies.close();
            throw e;
        }
    }

    /** The store goes away and comes back; {@code dataKey} is what the check calls it. */
    public void storeGoesAwayAndComesBack(String dataKey) {
        server.awaitReadiness(checkName, dataKey, "UP", NOTICED);
        dependencies.stopStore();
        server.awaitReadiness(checkName, dataKey, "DOWN", NOTICED);
        dependencies.startStore();
        server.awaitReadiness(checkName, dataKey, "UP", NOTICED);
    }

    /** NATS goes away and comes back (the check's data calls it "nats"). */
    public void natsGoesAwayAndComesBack() {
        server.awaitReadiness(checkName, "nats", "UP", NOTICED);
        dependencies.stopNats();
        server.awaitReadiness(checkName, "nats", "DOWN", NOTICED);
        dependencies.startNats();
        server.awaitReadiness(checkName, "nats", "UP", NOTICED);
    }

    /** The running server copy, for what a test checks after the drill. */
    public ServerCopy server() {
        return server;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            dependencies.close();
        }
    }
}
