package dev.ticketing.testing;

import java.net.URI;

/** Where the Liberty server that the build started for this module's integration tests listens. */
public final class ServiceUnderTest {
    private ServiceUnderTest() {}

    /**
     * Base URL of the server: the failsafe system property {@code it.base.url} that the build sets,
     * or, under {@code mvn liberty:dev} (which runs the tests against its own server), the port
     * that dev mode passes as {@code liberty.http.port}.
     */
    public static URI baseUrl() {
        String url = System.getProperty("it.base.url");
        String devModePort = System.getProperty("liberty.http.port");
        if ((url == null || url.contains("${"))
                && devModePort != null
                && !devModePort.contains("${")) {
            url = "http://127.0.0.1:" + devModePort;
        }
        if (url == null || url.isBlank() || url.contains("${")) {
            throw new IllegalStateException(
                    "it.base.url is not set: run integration tests through Maven "
                            + "(./ticketing test or mvn verify), which starts the module's Liberty server first");
        }
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public static URI url(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * An operator path of the server under test: /health, /metrics, /openapi, the JWKS,
     * /internal/*, which are served on the operator port only (docs/api.md, "Internal and
     * operational routes"): the failsafe property {@code it.operator.url}.
     */
    public static URI operatorUrl(String path) {
        String url = System.getProperty("it.operator.url");
        if (url == null || url.isBlank() || url.contains("${")) {
            throw new IllegalStateException(
                    "it.operator.url is not set: run integration tests through Maven "
                            + "(./ticketing test or mvn verify), which starts the module's Liberty server first");
        }
        return join(URI.create(trim(url)), path);
    }

    /**
     * An operator path of one service's own server: {@code it.operator.url.SERVICE} where the
     * services run as separate servers, otherwise the server under test's operator port.
     */
    public static URI operatorUrl(String service, String path) {
        String own = System.getProperty("it.operator.url." + service);
        return own == null || own.isBlank() || own.contains("${")
                ? operatorUrl(path)
                : join(URI.create(trim(own)), path);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static URI join(URI base, String path) {
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
}
