package dev.ticketing.testing;

import java.net.URI;

/** Where the Liberty server that the build started for this module's integration tests listens. */
public final class ServiceUnderTest {
    private ServiceUnderTest() {
    }

    /**
     * Base URL of the server: the failsafe system property {@code it.base.url} that the build sets,
     * or, under {@code mvn liberty:dev} (which runs the tests against its own server), the port
     * that dev mode passes as {@code liberty.http.port}.
     */
    public static URI baseUrl() {
        String url = System.getProperty("it.base.url");
        String devModePort = System.getProperty("liberty.http.port");
        if ((url == null || url.contains("${")) && devModePort != null && !devModePort.contains("${")) {
            url = "http://127.0.0.1:" + devModePort;
        }
        if (url == null || url.isBlank() || url.contains("${")) {
            throw new IllegalStateException("it.base.url is not set: run integration tests through Maven "
                    + "(./ticketing test or mvn verify), which starts the module's Liberty server first");
        }
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public static URI url(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * A path of one service's own server: what only that server answers, such as its
     * /health/ready or timer-service's /internal/timers, which no public front routes. Where the
     * services run as separate servers (./ticketing up --split) the property {@code it.url.SERVICE}
     * gives that server's URL; where one server hosts them all, it is the base URL.
     */
    public static URI serviceUrl(String service, String path) {
        String own = System.getProperty("it.url." + service);
        URI base = own == null || own.isBlank() || own.contains("${") ? baseUrl()
                : URI.create(own.endsWith("/") ? own.substring(0, own.length() - 1) : own);
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
}
