package dev.ticketing.testing;

import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.store.embedded.EmbeddedDocumentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A store and a NATS server of one test's own, for a {@link ServerCopy} to use, which the test can
 * take away and bring back on the same ports: the outages a service must ride out without a
 * restart.
 */
public final class OwnDependencies implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final NatsTestServer nats;
    private final int storePort;

    /** Where a file-backed store keeps its data across a stop; null for an in-memory one. */
    private final Path storeDir;

    private EmbeddedDocumentStore store;

    private OwnDependencies(NatsTestServer nats, EmbeddedDocumentStore store, Path storeDir) {
        this.nats = nats;
        this.store = store;
        this.storePort = store.port();
        this.storeDir = storeDir;
    }

    /** Starts both, each on a free port; the store in memory (empty again after a stop). */
    public static OwnDependencies start() {
        NatsTestServer nats = NatsTestServer.startPrivate();
        try {
            return new OwnDependencies(nats, EmbeddedDocumentStore.inMemory(HOST, 0), null);
        } catch (RuntimeException e) {
            nats.close();
            throw e;
        }
    }

    /**
     * Starts both, the store on files that keep its data across a stop, as a real store's outage
     * would.
     */
    public static OwnDependencies startDurable() {
        NatsTestServer nats = NatsTestServer.startPrivate();
        try {
            Path dir = Files.createTempDirectory("own-store-");
            return new OwnDependencies(nats, EmbeddedDocumentStore.inFile(dir, HOST, 0), dir);
        } catch (IOException e) {
            nats.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            nats.close();
            throw e;
        }
    }

    /** What a server copy needs to use these instead of the run's shared ones. */
    public Map<String, String> serverProperties() {
        return Map.of("nats.url", nats.url(), "mongodb.url", storeUrl());
    }

    public String storeUrl() {
        return "mongodb://" + HOST + ":" + storePort;
    }

    public String natsUrl() {
        return nats.url();
    }

    public void stopStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /**
     * The store back on its port (an in-memory store comes back empty, a durable one as it was).
     */
    public void startStore() {
        if (store != null) {
            return;
        }
        // The port was just released; a bind can briefly fail while the kernel lets go of it.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                store =
                        storeDir == null
                                ? EmbeddedDocumentStore.inMemory(HOST, storePort)
                                : EmbeddedDocumentStore.inFile(storeDir, HOST, storePort);
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "the store could not listen on port " + storePort + " again", e);
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    public void stopNats() {
        nats.stop();
    }

    /** NATS back on its port with its JetStream store as it was. */
    public void startNats() {
        nats.start();
    }

    @Override
    public void close() {
        stopStore();
        nats.close();
        if (storeDir != null) {
            try (var files = Files.walk(storeDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temp directory: best effort
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
