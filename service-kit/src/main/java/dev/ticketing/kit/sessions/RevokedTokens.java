package dev.ticketing.kit.sessions;

import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.SessionRevoked;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.OrderedConsumerConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session tokens signed out before they expired (docs/api.md, "Sessions"), as this replica
 * knows them: every session.revoked event on the stream, read by an ordered consumer of its own
 * (each replica reads them all, from the first, so one started later knows the earlier ones), kept
 * until the token would have expired. A service whose routes take tokens turns it on with {@code
 * ticketing.sessions.revocable=true}; {@link RevokedTokenFilter} then refuses them, and the
 * service's readiness ({@code ServiceReadiness}) stays DOWN until it has read what was on the
 * stream.
 */
@ApplicationScoped
public class RevokedTokens {
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(2);

    @Inject
    @ConfigProperty(name = "ticketing.sessions.revocable", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(
            name = "mp.messaging.connector.nats-jetstream.url",
            defaultValue = "nats://127.0.0.1:4222")
    String natsUrl;

    @Inject
    @ConfigProperty(
            name = "mp.messaging.connector.nats-jetstream.stream",
            defaultValue = "TICKETING")
    String stream;

    @Inject
    @ConfigProperty(name = "ticketing.subject.prefix", defaultValue = "ticketing")
    String prefix;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile boolean caughtUp;
    private volatile long lastSequenceAtStart = -1;
    private ScheduledExecutorService worker;
    private Connection connection;
    private MessageConsumer consumer;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) {
            return;
        }
        worker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "revoked-sessions");
                            t.setDaemon(true);
                            return t;
                        });
        worker.execute(this::subscribe);
        worker.scheduleWithFixedDelay(this::forgetExpired, 1, 1, TimeUnit.MINUTES);
    }

    /** Whether revocations are checked here at all. */
    public boolean enabled() {
        return enabled;
    }

    /** True once every revocation on the stream when this replica started has been read. */
    public boolean caughtUp() {
        return !enabled || caughtUp;
    }

    /** Whether the token {@code sid} (session id) was signed out (and has not expired since). */
    public boolean isRevoked(String sessionId) {
        if (sessionId == null) {
            return false;
        }
        Instant until = revoked.get(sessionId);
        return until != null && until.isAfter(clock.instant());
    }

    /** Records one revocation (the consumer's handler; also what a test feeds directly). */
    void revoked(SessionRevoked revocation) {
        if (revocation.expiresAt().isAfter(clock.instant())) {
            revoked.put(revocation.sessionId(), revocation.expiresAt());
        }
    }

    private void subscribe() {
        String subject = EventType.SESSION_REVOKED.subject(prefix);
        try {
            if (connection == null) {
                connection =
                        Nats.connect(
                                new Options.Builder()
                                        .server(natsUrl)
                                        .connectionName("revoked-sessions")
                                        .maxReconnects(-1)
                                        .reconnectWait(RETRY)
                                        .build());
            }
            lastSequenceAtStart = lastSequence(subject);
            if (lastSequenceAtStart == 0) {
                caughtUp = true;
            }
            consumer =
                    connection
                            .jetStream()
                            .getStreamContext(stream)
                            .createOrderedConsumer(
                                    new OrderedConsumerConfiguration()
                                            .filterSubject(subject)
                                            .deliverPolicy(DeliverPolicy.All))
                            .consume(this::onMessage);
            LOG.info(
                    () ->
                            "reading session revocations from "
                                    + subject
                                    + " (stream "
                                    + stream
                                    + ")");
        } catch (Exception e) {
            // NATS away, or no stream yet: try again; readiness stays DOWN until caught up.
            LOG.log(Level.FINE, "session revocations: " + e + "; retrying", e);
            if (!worker.isShutdown()) {
                worker.schedule(this::subscribe, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private long lastSequence(String subject) throws Exception {
        try {
            return connection.jetStreamManagement().getLastMessage(stream, subject).getSeq();
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() == 404) {
                return 0; // none on the stream yet (error 10037: no message found)
            }
            throw e;
        }
    }

    private void onMessage(Message message) {
        try {
            revoked(
                    Events.fromJson(
                                    new String(
                                            message.getData(),
                                            java.nio.charset.StandardCharsets.UTF_8),
                                    SessionRevoked.class)
                            .data());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "unreadable session.revoked on " + message.getSubject() + "; skipped",
                    e);
        }
        if (!caughtUp
                && message.isJetStream()
                && message.metaData().streamSequence() >= lastSequenceAtStart) {
            caughtUp = true;
            LOG.info(() -> revoked.size() + " revoked sessions known; caught up");
        }
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> !until.isAfter(now));
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
        try {
            if (consumer != null) {
                consumer.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing session revocations", e);
        }
    }
}
