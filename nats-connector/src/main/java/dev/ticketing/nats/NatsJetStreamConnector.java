package dev.ticketing.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.eclipse.microprofile.reactive.messaging.spi.IncomingConnectorFactory;
import org.eclipse.microprofile.reactive.messaging.spi.OutgoingConnectorFactory;
import org.eclipse.microprofile.reactive.streams.operators.PublisherBuilder;
import org.eclipse.microprofile.reactive.streams.operators.ReactiveStreams;
import org.eclipse.microprofile.reactive.streams.operators.SubscriberBuilder;

/**
 * The {@code nats-jetstream} MicroProfile Reactive Messaging connector. Channels are plain
 * reactive-streams publishers/subscribers ({@link IncomingChannel}, {@link OutgoingChannel}); the
 * factory methods only validate settings, set up JetStream and wrap them. One NATS connection per
 * server URL is shared by all channels of this bean.
 */
@ApplicationScoped
@Connector(NatsJetStreamConnector.NAME)
public class NatsJetStreamConnector
        implements IncomingConnectorFactory, OutgoingConnectorFactory, AutoCloseable {

    public static final String NAME = "nats-jetstream";

    private static final Logger LOG = Logger.getLogger(NatsJetStreamConnector.class.getName());

    private final Map<String, SharedConnection> connections = new ConcurrentHashMap<>();
    private final List<IncomingChannel> incoming = new CopyOnWriteArrayList<>();
    private final List<OutgoingChannel> outgoing = new CopyOnWriteArrayList<>();
    // Runs ack/nack completions and outgoing settlements off jnats' own threads.
    private final ThreadPoolExecutor callbacks = callbackExecutor();
    // Reports held messages in progress (every second) and counts dead letters (every 30 s).
    private final ScheduledExecutorService housekeeping = housekeepingExecutor();
    private final DeadLetterCounts deadLetters = new DeadLetterCounts();
    private volatile boolean closed;

    // MicroProfile Metrics where the server has it (every Ticketing server does); none in plain
    // tests.
    @Inject Instance<MetricRegistry> metricRegistry;
    private volatile EventCounters counters;

    @Override
    public PublisherBuilder<? extends Message<?>> getPublisherBuilder(Config config) {
        return ReactiveStreams.fromPublisher(incoming(config));
    }

    @Override
    public SubscriberBuilder<? extends Message<?>, Void> getSubscriberBuilder(Config config) {
        return ReactiveStreams.fromSubscriber(outgoing(config));
    }

    /** Builds an incoming channel; what {@link #getPublisherBuilder} wraps. */
    public IncomingChannel incoming(Config config) {
        IncomingSettings s = ChannelSettings.incoming(config);
        SharedConnection c = connection(s);
        setUpIfConnected(s, c);
        IncomingChannel channel = new IncomingChannel(s, c, callbacks, counters());
        incoming.add(channel);
        s.subject()
                .filter(subject -> !subject.contains("*") && !subject.contains(">"))
                .ifPresent(
                        subject ->
                                counters()
                                        .deadLetters(subject, () -> deadLetters.count(s, subject)));
        LOG.info(() -> "nats-jetstream: " + s + " ready");
        return channel;
    }

    /** Builds an outgoing channel; what {@link #getSubscriberBuilder} wraps. */
    public OutgoingChannel outgoing(Config config) {
        OutgoingSettings s = ChannelSettings.outgoing(config);
        SharedConnection c = connection(s);
        boolean ready = s.createStream() && setUpIfConnected(s, c);
        OutgoingChannel channel = new OutgoingChannel(s, c, callbacks, ready, counters());
        outgoing.add(channel);
        LOG.info(() -> "nats-jetstream: " + s + " ready");
        return channel;
    }

    /** Counts with {@code counters} instead of MicroProfile Metrics (tests outside Liberty). */
    void countWith(EventCounters counters) {
        this.counters = counters;
    }

    private EventCounters counters() {
        if (counters == null) {
            counters =
                    metricRegistry != null && metricRegistry.isResolvable()
                            ? new MetricsEventCounters(metricRegistry.get())
                            : EventCounters.NONE;
        }
        return counters;
    }

    /**
     * Every incoming channel's health, for liveness: DOWN ones stopped consuming (see {@link
     * IncomingChannel#health}).
     */
    public List<ChannelHealth> channelHealth() {
        return incoming.stream().map(IncomingChannel::health).collect(Collectors.toList());
    }

    /** True when at least one connection was opened and all of them are connected right now. */
    public boolean isConnected() {
        return !connections.isEmpty()
                && connections.values().stream().allMatch(SharedConnection::isConnected);
    }

    /**
     * Server URL to connection state (CONNECTING, CONNECTED, RECONNECTING, DISCONNECTED, CLOSED).
     */
    public Map<String, String> connectionStates() {
        Map<String, String> states = new LinkedHashMap<>();
        connections.forEach((url, c) -> states.put(url, c.state()));
        return states;
    }

    private SharedConnection connection(ChannelSettings s) {
        if (closed) {
            throw new IllegalStateException("nats-jetstream connector is closed");
        }
        return connections.computeIfAbsent(s.url(), url -> new SharedConnection(s));
    }

    /**
     * Sets up the stream (and consumer) now if NATS answers within connect-timeout, so that a
     * configuration the server rejects fails the deployment with the server's reason. When NATS is
     * unreachable the channel is still built and sets itself up once it connects.
     */
    private boolean setUpIfConnected(ChannelSettings s, SharedConnection c) {
        Connection conn;
        try {
            conn = c.awaitConnection(s.connectTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (conn == null) {
            LOG.warning(
                    () ->
                            "NATS at "
                                    + s.url()
                                    + " not reachable within "
                                    + s.connectTimeout()
                                    + "; "
                                    + s
                                    + " will set itself up when it connects");
            return false;
        }
        try {
            if (s.createStream() || s instanceof IncomingSettings) {
                StreamSetup.ensureStream(c.management(), s);
            }
            if (s instanceof IncomingSettings in) {
                StreamSetup.ensureConsumer(c.management(), in);
            }
            return true;
        } catch (JetStreamApiException | IllegalStateException e) {
            throw new IllegalStateException(
                    "nats-jetstream " + s + ": JetStream rejected the setup: " + e.getMessage(), e);
        } catch (IOException e) {
            LOG.warning(() -> "Could not set up " + s + " now (" + e + "); it will retry");
            return false;
        }
    }

    /** Stops all channels and closes the connections; unacked messages are redelivered later. */
    @PreDestroy
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        housekeeping.shutdownNow();
        incoming.forEach(IncomingChannel::close);
        // Give in-flight publishes a moment to be confirmed before the connection goes.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (OutgoingChannel o : outgoing) {
            while (o.inFlight() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        connections.values().forEach(SharedConnection::close);
        callbacks.shutdown();
        LOG.info("nats-jetstream connector closed");
    }

    private void reportProgress() {
        for (IncomingChannel channel : incoming) {
            try {
                channel.reportProgress();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "in-progress reports of " + channel.settings() + " failed", e);
            }
        }
    }

    private void countDeadLetters() {
        Map<String, IncomingChannel> oneChannelPerStream = new LinkedHashMap<>();
        incoming.forEach(
                ch ->
                        oneChannelPerStream.putIfAbsent(
                                ch.settings().url()
                                        + " "
                                        + ch.settings().stream()
                                        + " "
                                        + ch.settings().dlqPrefix(),
                                ch));
        for (IncomingChannel channel : oneChannelPerStream.values()) {
            SharedConnection c = connections.get(channel.settings().url());
            if (c != null && c.isConnected() && c.management() != null) {
                deadLetters.refresh(c.management(), channel.settings());
            }
        }
    }

    private ScheduledExecutorService housekeepingExecutor() {
        ScheduledExecutorService pool =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "nats-housekeeping");
                            t.setDaemon(true);
                            return t;
                        });
        pool.scheduleWithFixedDelay(this::reportProgress, 1, 1, TimeUnit.SECONDS);
        pool.scheduleWithFixedDelay(
                () -> {
                    try {
                        countDeadLetters();
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "counting dead letters failed", e);
                    }
                },
                2,
                30,
                TimeUnit.SECONDS);
        return pool;
    }

    private static ThreadPoolExecutor callbackExecutor() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        4,
                        4,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        r -> {
                            Thread t = new Thread(r, "nats-callbacks-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
