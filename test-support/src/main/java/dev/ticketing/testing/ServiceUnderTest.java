package dev.ticketing.testing;

import java.net.URI;

/** Where the Liberty server that the build started for this module's integration tests listens. */
public final class ServiceUnderTest {
    private ServiceUnderTest() {
    }

    /** Base URL of the server, from the failsafe system property {@code it.base.url}. */
    public static URI baseUrl() {
        String url = System.getProperty("it.base.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("it.base.url is not set: run integration tests through Maven "
                    + "(./ticketing test or mvn verify), which starts the module's Liberty server first");
        }
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public static URI url(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }
}
