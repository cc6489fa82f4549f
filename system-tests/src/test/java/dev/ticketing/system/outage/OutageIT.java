package dev.ticketing.system.outage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.ticketing.nats.DeadLetterQueue;
import dev.ticketing.testing.HttpApi;
import dev.ticketing.testing.OwnDependencies;
import dev.ticketing.testing.ServerCopy;
import dev.ticketing.testing.Sessions;
import dev.ticketing.testing.TestRun;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outage drill of docs/architecture.md ("Failure model") on the whole platform: orders are
 * placed, then the store goes away for three minutes while their holds run out and payments are on
 * their way, and NATS for the last thirty seconds of it. Once both are back, every order must end
 * in a state that agrees with everything else (paid and holding its ticket, or cancelled with its
 * ticket free and any payment refunded), nothing may be dead-lettered, no outbox may hold an event,
 * and every channel must still consume.
 *
 * <p>It runs on a copy of the platform server with a store and a NATS of its own (the store on
 * files, so its data survives the outage), never on the build's shared ones.
 */
@Tag(OutageIT.OWNS_ITS_PLATFORM)
class OutageIT {
    /** Tests that run their own copy of the platform: not against a platform started elsewhere. */
    static final String OWNS_ITS_PLATFORM = "owns-its-platform";

    private static final Duration STORE_AWAY = Duration.ofMinutes(3);
    private static final Duration NATS_AWAY = Duration.ofSeconds(30);

    private static final HttpApi HTTP = new HttpApi();
    private static OwnDependencies dependencies;
    private static ServerCopy platform;
    private static String stream;
    private static String prefix;

    @BeforeAll
    static void startPlatform() {
        String run = TestRun.id();
        stream = "OUTAGE-" + run;
        prefix = "outage-" + run;
        dependencies = OwnDependencies.startDurable();
        Map<String, String> properties = new LinkedHashMap<>(dependencies.serverProperties());
        properties.put("ticketing.stream", stream);
        properties.put("ticketing.subject.prefix", prefix);
        platform = new ServerCopy("outage", properties);
        platform.start(Map.of());
    }

    @AfterAll
    static void stopPlatform() {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            dependencies.close();
        }
    }

    private static URI url(String path) {
        return platform.url(path);
    }

    @Test
    void ordersEndRightAndNothingIsLostOrDeadLetteredWhenTheStoreAndNatsGoAway() throws Exception {
        Sessions.User seller = Sessions.signUpAt(platform.url(""));
        List<Sessions.User> buyers = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpApi.Reply listed =
                    HTTP.post(
                            url("/api/tickets"),
                            "{\"title\":\"Outage drill seat "
                                    + i
                                    + "\",\"price\":"
                                    + (20 + i)
                                    + "}",
                            seller.auth());
            assertEquals(201, listed.status(), listed.body());
            tickets.add(listed.json().getString("id"));
            buyers.add(Sessions.signUpAt(platform.url("")));
        }
        for (int i = 0; i < 6; i++) {
            int n = i;
            HttpApi.Reply placed =
                    await("order " + n)
                            .atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            HTTP.post(
                                                    url("/api/orders"),
                                                    "{\"ticketId\":\"" + tickets.get(n) + "\"}",
                                                    buyers.get(n).auth()),
                                    r -> r.status() == 201);
            orders.add(placed.json().getString("id"));
        }
        // Order 0 is paid and complete before anything goes wrong; order 1 is paid just before the
        // store goes.
        pay(buyers.get(0), orders.get(0));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "complete".equals(statusOf(buyers.get(0), orders.get(0))));
        pay(buyers.get(1), orders.get(1));

        dependencies.stopStore();
        long storeGone = System.nanoTime();
        // Meanwhile every other hold runs out (15 s), the timers fire and expiration.complete waits
        // for the store.
        HttpApi.Reply refused =
                HTTP.post(
                        url("/api/payments"),
                        "{\"orderId\":\"" + orders.get(2) + "\",\"token\":\"tok_visa\"}",
                        buyers.get(2).auth());
        // No payment can be taken without the store, and the buyer is told to try again.
        assertEquals(503, refused.status(), refused.body());
        assertEquals("{\"errors\":[{\"message\":\"Service unavailable\"}]}", refused.body());
        assertEquals("5", refused.header("Retry-After").orElse(null));

        sleepUntil(storeGone, STORE_AWAY.minus(NATS_AWAY));
        dependencies.stopNats();
        sleepUntil(storeGone, STORE_AWAY);
        dependencies.startNats();
        dependencies.startStore();

        // Every order ends, and everything else agrees with how it ended.
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(
                        () -> {
                            for (int i = 0; i < 6; i++) {
                                if ("created".equals(statusOf(buyers.get(i), orders.get(i)))) {
                                    return false;
                                }
                            }
                            return true;
                        });
        assertEquals("complete", statusOf(buyers.get(0), orders.get(0)));
        for (int i = 2; i < 6; i++) {
            assertEquals(
                    "cancelled", statusOf(buyers.get(i), orders.get(i)), "order " + i + " expired");
        }
        try (MongoClient store = MongoClients.create(dependencies.storeUrl())) {
            for (int i = 0; i < 6; i++) {
                String status = statusOf(buyers.get(i), orders.get(i));
                String ticket = tickets.get(i);
                String order = orders.get(i);
                String expected = status.equals("complete") ? order : null;
                await("catalog and order-service agree on ticket " + i + " (" + status + ")")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions()
                        .until(
                                () ->
                                        java.util.Objects.equals(expected, holderInCatalog(ticket))
                                                && java.util.Objects.equals(
                                                        expected, reservedByInCopy(store, ticket)));
                Document payment =
                        store.getDatabase("payments")
                                .getCollection("orders")
                                .find(Filters.eq("_id", order))
                                .first();
                if (status.equals("cancelled")
                        && payment != null
                        && payment.get("payment") != null) {
                    await("the payment of cancelled order " + i + " is refunded")
                            .atMost(Duration.ofMinutes(2))
                            .until(
                                    () ->
                                            store.getDatabase("payments")
                                                            .getCollection("orders")
                                                            .find(Filters.eq("_id", order))
                                                            .first()
                                                            .get("payment", Document.class)
                                                            .getString("refundId")
                                                    != null);
                }
            }
            // Nothing waits in an outbox.
            for (String database : List.of("catalog", "orders", "payments")) {
                String collection = database.equals("catalog") ? "tickets" : "orders";
                await(database + " outbox empty")
                        .atMost(Duration.ofMinutes(1))
                        .until(
                                () ->
                                        store.getDatabase(database)
                                                        .getCollection(collection)
                                                        .countDocuments(
                                                                Filters.exists("outboxSince"))
                                                == 0); // document-store's Outbox.SINCE
            }
        }
        // The freed tickets can be ordered again.
        for (int i = 2; i < 6; i++) {
            int n = i;
            await("ticket " + n + " orderable again")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    HTTP.post(
                                            url("/api/orders"),
                                            "{\"ticketId\":\"" + tickets.get(n) + "\"}",
                                            Sessions.signUpAt(platform.url("")).auth()),
                            r -> r.status() == 201);
        }
        try (DeadLetterQueue dlq = new DeadLetterQueue(dependencies.natsUrl(), stream, prefix)) {
            assertEquals(List.of(), dlq.list(Optional.empty()), "nothing was dead-lettered");
        }
        HttpApi.Reply live = HTTP.get(platform.operatorUrl("/health/live"));
        assertEquals(200, live.status(), "every channel still consumes: " + live.body());
        for (JsonValue check : live.json().getJsonArray("checks")) {
            assertEquals("UP", check.asJsonObject().getString("status"), live.body());
        }
        assertEquals(200, HTTP.get(platform.operatorUrl("/health/ready")).status());
        // And ./ticketing audit's checks on this platform's own store and NATS find nothing.
        dev.ticketing.operations.Audit.Report audit =
                new dev.ticketing.operations.Audit(
                                dev.ticketing.operations.Audit.Target.onOneStore(
                                        dependencies.storeUrl(),
                                        dependencies.natsUrl(),
                                        stream,
                                        prefix))
                        .run(Duration.ofMinutes(2));
        assertEquals(List.of(), audit.violations(), audit.summary());
    }

    private static void pay(Sessions.User buyer, String orderId) {
        HttpApi.Reply paid =
                HTTP.post(
                        url("/api/payments"),
                        "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_visa\"}",
                        buyer.auth());
        assertEquals(201, paid.status(), paid.body());
    }

    private static String statusOf(Sessions.User buyer, String orderId) {
        HttpApi.Reply reply = HTTP.get(url("/api/orders/" + orderId), buyer.auth());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("status");
    }

    private static String holderInCatalog(String ticketId) {
        JsonObject ticket = HTTP.get(url("/api/tickets/" + ticketId)).json();
        return ticket.containsKey("orderId") && !ticket.isNull("orderId")
                ? ticket.getString("orderId")
                : null;
    }

    private static String reservedByInCopy(MongoClient store, String ticketId) {
        Document copy =
                store.getDatabase("orders")
                        .getCollection("tickets")
                        .find(Filters.eq("_id", ticketId))
                        .first();
        return copy == null ? null : copy.getString("reservedBy");
    }

    /**
     * Waits until {@code after} has passed since {@code sinceNanos}: the outage's length, not a
     * wait for messages.
     */
    private static void sleepUntil(long sinceNanos, Duration after) throws InterruptedException {
        long left = sinceNanos + after.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }
}
