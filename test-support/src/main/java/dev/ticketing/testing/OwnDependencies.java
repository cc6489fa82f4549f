package dev.ticketing.testing;

import dev.ticketing.nats.testing.NatsTestServer;
import dev.ticketing.store.embedded.EmbeddedDocumentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A store and a NATS server of one test's own, for a {@link ServerCopy} to use, which the test can
 * take away and bring back on the same ports: the outages a service must ride out without a restart.
 */
public final class OwnDependencies implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final NatsTestServer nats;
    private final int storePort;
    private EmbeddedDocumentStore store;

    private OwnDependencies(NatsTestServer nats, EmbeddedDocumentStore store) {
        this.nats = nats;
        this.store = store;
        this.storePort = store.port();
    }

    /** Starts both, each on a free port. */
    public static OwnDependencies start() {
        NatsTestServer nats = NatsTestServer.startPrivate();
        try {
            return new OwnDependencies(nats, EmbeddedDocumentStore.inMemory(HOST, 0));
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

    /** The store back on its port (empty: an in-memory store keeps nothing across a stop). */
    public void startStore() {
        if (store != null) {
            return;
        }
        // The port was just released; a bind can briefly fail while the kernel lets go of it.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                store = EmbeddedDocumentStore.inMemory(HOST, storePort);
                return;
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the store could not listen on port " + storePort + " again", e);
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
