package dev.ticketing.system.expiry;

import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.LibertyServerScript;
import dev.ticketing.testing.ServiceUnderTest;
import java.time.Duration;

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

    private PlatformServer() {}

    static void stop() {
        LibertyServerScript.ofThisModule().stop();
    }

    /** Starts the server and waits until every application reports ready. */
    static void start() {
        LibertyServerScript.ofThisModule().start();
        HttpApi http = new HttpApi();
        Marketplace.eventually(
                "platform ready",
                Duration.ofMinutes(4),
                () -> http.get(ServiceUnderTest.operatorUrl("/health/ready")).status(),
                s -> s == 200);
    }
}
