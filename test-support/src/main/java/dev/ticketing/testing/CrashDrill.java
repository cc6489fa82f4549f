package dev.ticketing.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a crash drill runs on: a {@link ServerCopy} of the module's server on a stream, subjects and
 * database of its own (named after the drill and the run, so a halted copy disturbs nothing else
 * and nothing left from an earlier run disturbs it), with a {@link Bus} on that stream. The copy
 * trusts the sessions the main test server's auth-service signs, so a test signs its users up there
 * as usual. A drill arms a fault point ({@code ticketing.fault.halt-after-write}), which halts the
 * copy's JVM right after the write it names, and then starts the copy again without it.
 */
public final class CrashDrill implements AutoCloseable {
    private static final Duration HALT_WAIT = Duration.ofSeconds(60);

    private final String database;
    private final Bus bus;
    private final ServerCopy server;

    private CrashDrill(String database, Bus bus, ServerCopy server) {
        this.database = database;
        this.bus = bus;
        this.server = server;
    }

    /**
     * A drill called {@code name} (letters, digits and dashes); {@code settings} are the copy's own
     * beyond its stream, subjects, database and session keys (a shorter ack-wait, say).
     */
    public static CrashDrill of(String name, Map<String, String> settings) {
        String run = TestRun.id();
        String stream = "IT-" + name + "-" + run;
        String prefix = "it-" + name + "-" + run;
        String database = name + "-" + run;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ticketing.stream", stream);
        properties.put("ticketing.subject.prefix", prefix);
        properties.put("jnosql.document.database", database);
        properties.put(
                "jwt.jwks.uri",
                ServiceUnderTest.operatorUrl("/jwt/ibm/api/ticketing/jwk").toString());
        properties.putAll(settings);
        Bus bus = Bus.ofOwnStream(stream, prefix);
        try {
            return new CrashDrill(database, bus, new ServerCopy(name, properties));
        } catch (RuntimeException | Error e) {
            bus.close();
            throw e;
        }
    }

    /**
     * The copy's database (jnosql.document.database), for seeding it and reading what it stored.
     */
    public String database() {
        return database;
    }

    /** The drill's own stream: what the copy published, and events for it to consume. */
    public Bus bus() {
        return bus;
    }

    public ServerCopy server() {
        return server;
    }

    /** Starts the copy armed: it halts right after the write named {@code faultPoint}. */
    public void startHaltingAfter(String faultPoint) {
        server.start(Map.of("ticketing.fault.halt-after-write", faultPoint));
    }

    /** Starts the copy again, unarmed, and waits until it is ready. */
    public void restart() {
        server.start(Map.of());
    }

    /**
     * Waits until the copy accepts {@code user}'s session on a harmless read of {@code path}: it
     * verifies sessions on its own, with keys it fetches from the main server (as a service does in
     * split mode), so the first request may come before it has them.
     */
    public void awaitAccepts(Sessions.User user, String path) {
        HttpApi http = new HttpApi();
        await("the copy accepts the session of user " + user.id())
                .atMost(HALT_WAIT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> http.get(server.url(path), user.auth()).status() == 200);
    }

    /**
     * Sends the request the armed write is part of, and waits until the copy has halted. The
     * request must not get {@code success}: it either fails with the connection, or gets whatever
     * answer came before the halt, which the failure message shows.
     */
    public void haltIn(String write, int success, Supplier<HttpApi.Reply> request) {
        String outcome;
        try {
            HttpApi.Reply reply = request.get();
            outcome = reply.status() + " " + reply.body();
            assertNotEquals(success, reply.status(), "the copy should have halted: " + outcome);
        } catch (UncheckedIOException expected) {
            outcome = "connection closed"; // the connection died with the server
        }
        awaitHalted(write + " (the request got: " + outcome + ")");
    }

    /** Waits until the copy has halted after {@code write} (an event's, say). */
    public void awaitHalted(String write) {
        await("the copy halts after storing " + write)
                .atMost(HALT_WAIT)
                .until(() -> !server.isRunning());
    }

    /** Stops the copy, then deletes the drill's stream. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            bus.close();
        }
    }
}
