package dev.ticketing.timer.it;

import static org.awaitility.Awaitility.await;

import dev.ticketing.testing.ApiClients;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.LibertyServerScript;
import dev.ticketing.testing.ServerCopy;
import dev.ticketing.timer.api.PendingTimersApi;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A timer-service server a suite runs against, reached on its operator port (timer-service's
 * /internal/timers and health are operator routes, docs/api.md): the server the build started for
 * this module, or a {@link ServerCopy} of it. Both are stopped and started with the runtime's own
 * server script ({@link LibertyServerScript}), as an operator would.
 */
final class LibertyServer {
    private final LibertyServerScript module;
    private final ServerCopy copy;
    private final URI operatorBase;
    private final HttpApi http = new HttpApi();

    private LibertyServer(LibertyServerScript module, ServerCopy copy, URI operatorBase) {
        this.module = module;
        this.copy = copy;
        this.operatorBase = operatorBase;
    }

    /** The server the build started for this module's integration tests. */
    static LibertyServer ofThisModule() {
        return new LibertyServer(
                LibertyServerScript.ofThisModule(), null, URI.create(required("it.operator.url")));
    }

    /**
     * A copy of this module's server named {@code timer-service-SUFFIX}, on its own ports, with
     * {@code properties} (its timer store, stream and subjects) as bootstrap properties; not
     * started.
     */
    static LibertyServer copyOfThisModule(String suffix, Map<String, String> properties) {
        ServerCopy copy = new ServerCopy(suffix, properties);
        return new LibertyServer(null, copy, copy.operatorUrl(""));
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(
                    "system property " + property + " is not set: run through mvn verify");
        }
        return value;
    }

    URI url(String path) {
        return URI.create(operatorBase + path);
    }

    /** Its pending timers (/internal/timers) through a typed client of {@link PendingTimersApi}. */
    PendingTimersApi timers() {
        return ApiClients.at(url("/internal/timers"), PendingTimersApi.class);
    }

    void stop() {
        if (copy != null) {
            copy.stop();
        } else {
            module.stop();
        }
    }

    /** Starts the server and waits until timer-service reports ready. */
    void start() {
        if (copy != null) {
            copy.start(Map.of());
            return;
        }
        module.start();
        await("timer-service ready at " + operatorBase)
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> http.get(url("/health/ready")).status() == 200);
    }
}
