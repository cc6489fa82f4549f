package dev.ticketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The marketplace on its container images: the six images built from deploy/Containerfile, the
 * services started with the environment deploy/openshift gives them, NATS and MongoDB beside them.
 * Needs a Docker engine (or Podman's Docker API); without one JUnit reports these tests as skipped
 * ("Docker is not available"), never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
class ServiceImagesTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> APIS =
            List.of("auth-service", "catalog-service", "order-service", "payment-service");

    @TempDir static Path secrets;

    private static Network network;
    private static final Map<String, GenericContainer<?>> RUNNING = new HashMap<>();

    @BeforeAll
    static void startTheMarketplaceOnItsImages() {
        network = Network.newNetwork();
        start("nats", ServiceImages.nats(network));
        start("mongodb", ServiceImages.mongodb(network));

        Map<String, String> auth = new HashMap<>(ServiceImages.platform());
        auth.put("JWT_KEYSTORE_LOCATION", "/etc/ticketing/jwt/jwt-signing.p12");
        auth.put("JWT_KEYSTORE_PASSWORD", ServiceImages.KEYSTORE_PASSWORD);
        auth.put("JWT_KEY_ALIAS", ServiceImages.KEY_ALIAS);
        start(
                "auth-service",
                ServiceImages.service("auth-service", network, auth)
                        .withCopyFileToContainer(
                                ServiceImages.signingKeystore(secrets),
                                "/etc/ticketing/jwt/jwt-signing.p12"));

        start(
                "catalog-service",
                ServiceImages.service("catalog-service", network, ServiceImages.platform()));
        Map<String, String> order = new HashMap<>(ServiceImages.platform());
        order.put(
                "ORDER_EXPIRATION_SECONDS",
                Integer.toString(ServiceImages.ORDER_EXPIRATION_SECONDS));
        start("order-service", ServiceImages.service("order-service", network, order));
        Map<String, String> payment = new HashMap<>(ServiceImages.platform());
        payment.put("STRIPE_SECRET_KEY", "sk_test_container_images");
        payment.put("STRIPE_WEBHOOK_SECRET", "whsec_container_images");
        start("payment-service", ServiceImages.service("payment-service", network, payment));
        start(
                "timer-service",
                ServiceImages.service("timer-service", network, ServiceImages.platform()));
        start(
                "ui-faces",
                ServiceImages.service(
                        "ui-faces",
                        network,
                        Map.of(
                                "USERS_MP_REST_URI", "http://auth-service:9080/api/users",
                                "TICKETS_MP_REST_URI", "http://catalog-service:9080/api/tickets",
                                "ORDERS_MP_REST_URI", "http://order-service:9080/api/orders",
                                "PAYMENTS_MP_REST_URI", "http://payment-service:9080/api/payments",
                                "PAYOUTS_MP_REST_URI", "http://payment-service:9080/api/payouts",
                                "LOG_CONSOLE_FORMAT", "SIMPLE")));
    }

    private static void start(String name, GenericContainer<?> container) {
        RUNNING.put(name, container);
        container.start();
    }

    @AfterAll
    static void stop() {
        RUNNING.values().forEach(GenericContainer::stop);
        if (network != null) {
            network.close();
        }
    }

    @Test
    void everyServiceIsReadyUnderItsOwnName() {
        for (String service : DeployTree.SERVICES) {
            HttpResponse<String> ready = get(service, "/health/ready", null);
            assertEquals(200, ready.statusCode(), service + ": " + ready.body());
            assertTrue(
                    ready.body().contains("\"" + service + "\""),
                    service + " names its check: " + ready.body());
        }
    }

    @Test
    void everyImageRunsAsTheUnprivilegedUser() throws Exception {
        for (String service : DeployTree.SERVICES) {
            String uid = RUNNING.get(service).execInContainer("id", "-u").getStdout().strip();
            assertNotEquals("0", uid, service + " runs as root");
            assertEquals("1001", uid, service);
        }
    }

    @Test
    void everyApiPublishesItsOpenApiDocumentAndMetrics() {
        for (String service : APIS) {
            HttpResponse<String> openapi = get(service, "/openapi?format=JSON", null);
            assertEquals(200, openapi.statusCode(), service);
            assertTrue(
                    openapi.body().contains("Ticketing " + service),
                    service + ": " + openapi.body());
            HttpResponse<String> metrics = get(service, "/metrics", null);
            assertEquals(200, metrics.statusCode(), service);
        }
    }

    @Test
    void aBuyerReservesASellersTicketAcrossTheImages() {
        String seller = signUp();
        String title = "Container show " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> sold =
                post(
                        "catalog-service",
                        "/api/tickets",
                        "{\"title\":\"" + title + "\",\"price\":30}",
                        seller);
        assertEquals(201, sold.statusCode(), sold.body());
        String ticketId = id(sold.body());

        // order-service learns of the ticket through ticket:created on NATS.
        String buyer = signUp();
        HttpResponse<String> ordered =
                eventually(
                        "order-service accepts an order for " + ticketId,
                        () -> {
                            HttpResponse<String> r =
                                    post(
                                            "order-service",
                                            "/api/orders",
                                            "{\"ticketId\":\"" + ticketId + "\"}",
                                            buyer);
                            return r.statusCode() == 201 ? r : null;
                        });
        String orderId = id(ordered.body());
        assertTrue(ordered.body().contains("\"created\""), ordered.body());

        // catalog-service reserves the ticket (order:created), timer-service holds a timer for it.
        eventually(
                "the ticket carries the order",
                () -> {
                    HttpResponse<String> t =
                            get("catalog-service", "/api/tickets/" + ticketId, null);
                    return t.body().contains(orderId) ? t : null;
                });
        eventually(
                "timer-service holds the order's expiry",
                () -> {
                    HttpResponse<String> t =
                            get("timer-service", "/internal/timers/" + orderId, null);
                    return t.statusCode() == 200 ? t : null;
                });

        // The storefront renders the buyer's order page server-side, calling order-service with the
        // session.
        HttpResponse<String> page = get("ui-faces", "/order?id=" + orderId, buyer);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(title), page.body());
    }

    // --- HTTP against the containers' mapped ports ------------------------------------------

    private static String signUp() {
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> r =
                post(
                        "auth-service",
                        "/api/users/signup",
                        "{\"email\":\"" + email + "\",\"password\":\"correct-horse-battery\"}",
                        null);
        assertEquals(201, r.statusCode(), r.body());
        String cookie =
                r.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("session="))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers()));
        return cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }

    /** Operator paths on the operator port, the rest on the public one. */
    private static boolean operator(String path) {
        return path.startsWith("/health")
                || path.startsWith("/metrics")
                || path.startsWith("/openapi")
                || path.startsWith("/internal")
                || path.startsWith("/jwt");
    }

    private static URI uri(String service, String path) {
        GenericContainer<?> c = RUNNING.get(service);
        int port = operator(path) ? ServiceImages.OPERATOR_PORT : ServiceImages.PORT;
        return URI.create("http://" + c.getHost() + ":" + c.getMappedPort(port) + path);
    }

    /**
     * A request as another pod sends it: Host names the Service and its port, not the mapped one.
     */
    private static HttpRequest.Builder request(String service, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path));
        return operator(path)
                ? request
                : request.header("Host", service + ":" + ServiceImages.PORT);
    }

    private static HttpResponse<String> get(String service, String path, String cookie) {
        return send(request(service, path).GET(), cookie);
    }

    private static HttpResponse<String> post(
            String service, String path, String json, String cookie) {
        return send(
                request(service, path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                cookie);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String cookie) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        assertTrue(m.find(), "no id in " + json);
        return m.group(1);
    }

    private interface Attempt {
        HttpResponse<String> once();
    }

    private static HttpResponse<String> eventually(String what, Attempt attempt) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = attempt.once();
            if (r != null) {
                return r;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("never happened within 60 s: " + what);
    }
}
