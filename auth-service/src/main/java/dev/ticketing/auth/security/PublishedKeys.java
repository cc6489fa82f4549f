package dev.ticketing.auth.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether this server publishes the key set the other services verify sessions with (the JWKS of
 * docs/architecture.md, "Auth"). Liberty builds that key set on the first request for it, and first
 * requests that arrive together can fail while one of them builds it: its JWKProvider iterates the
 * key list while another request adds to it (a ConcurrentModificationException, answered 500), and
 * a service that got the 500 refused the session it was checking (401). The first listings of a
 * flash sale on a fresh platform met exactly that. So readiness asks for the key set first, on its
 * own, until it has been answered once: nothing is routed to a server before it is ready.
 */
@ApplicationScoped
public class PublishedKeys {
    private static final Logger LOG = Logger.getLogger(PublishedKeys.class.getName());
    static final String JWKS_PATH = "/jwt/ibm/api/ticketing/jwk";

    /** Liberty's MBean of the endpoint that serves /jwt (liberty-config's base.xml). */
    private static final String OPERATOR_ENDPOINT =
            "WebSphere:feature=channelfw,type=endpoint,name=operatorHttpEndpoint";

    private static final Set<String> ANY_ADDRESS = Set.of("*", "0.0.0.0", "::");
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private volatile boolean published;

    /** True once the key set has been served; asks for it (once at a time) until then. */
    public boolean published() {
        if (!published) {
            askOnce();
        }
        return published;
    }

    private synchronized void askOnce() {
        if (published) {
            return;
        }
        try {
            HttpResponse<String> keys =
                    http.send(
                            HttpRequest.newBuilder(jwksUri()).timeout(WAIT).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            published = keys.statusCode() == 200 && keys.body().contains("\"keys\"");
            if (!published) {
                LOG.warning("the key set answered " + keys.statusCode() + "; asking again");
            }
        } catch (IOException e) {
            LOG.fine(() -> "the key set is not served yet: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where this server serves its key set: the operator endpoint, as bound (host and port). */
    private static URI jwksUri() throws IOException {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName endpoint = new ObjectName(OPERATOR_ENDPOINT);
            String host = String.valueOf(server.getAttribute(endpoint, "Host"));
            Object port = server.getAttribute(endpoint, "Port");
            String reachable = ANY_ADDRESS.contains(host) ? "127.0.0.1" : host;
            return URI.create("http://" + reachable + ":" + port + JWKS_PATH);
        } catch (JMException e) {
            throw new IOException("the operator endpoint is not bound yet", e);
        }
    }
}
