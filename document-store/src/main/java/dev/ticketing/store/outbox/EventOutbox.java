package dev.ticketing.store.outbox;

import com.mongodb.client.MongoCollection;
import dev.ticketing.common.events.EventPayload;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The transactional outbox of a service, the same bean in every service that owns an aggregate
 * (docs/architecture.md, "Consistency"): events are written into the aggregate's document with the
 * change ({@link #pending}, {@link Outbox}), and published by one {@link OutboxRelay} right after
 * each write ({@link #relay}, on a few lanes, a document always on the same one) and by its
 * periodic sweep, which starts with the application so what a crash left behind goes out without
 * waiting for a request. The service names its aggregates' collections by implementing {@link
 * OutboxCollection}; events leave through its outgoing channel {@code events}.
 */
@ApplicationScoped
public class EventOutbox {

    @Inject
    @Channel("events")
    Emitter<String> events;

    @Inject Instance<OutboxCollection> aggregates;

    @Inject
    @ConfigProperty(name = "ticketing.subject.prefix", defaultValue = "ticketing")
    String subjectPrefix;

    @Inject
    @ConfigProperty(name = "ticketing.outbox.sweep", defaultValue = "PT5S")
    Duration sweepEvery;

    @Inject
    @ConfigProperty(name = "ticketing.outbox.publish-timeout", defaultValue = "PT10S")
    Duration publishTimeout;

    /**
     * How many documents the relay works on at once (environment {@code TICKETING_OUTBOX_LANES}):
     * their clearing writes share the store's sync, and each document keeps one lane.
     */
    @Inject
    @ConfigProperty(name = "ticketing.outbox.lanes", defaultValue = "4")
    int lanes;

    private OutboxRelay relay;

    @Inject MetricRegistry metrics;

    /** Tagged with the aggregate (ticket, order, payment, ...). */
    private static final Metadata OLDEST_WAITING =
            Metadata.builder()
                    .withName("ticketing.outbox.oldest.seconds")
                    .withDescription(
                            "How long the oldest event the outbox's last sweep could not publish has"
                                    + " waited; 0 when every event went out")
                    .withUnit(MetricUnits.NONE)
                    .build();

    /** Starts with the application, so a crash's leftovers go out without waiting for a request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        relay();
    }

    private synchronized OutboxRelay relay() {
        if (relay == null) {
            List<MongoCollection<Document>> collections = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (OutboxCollection aggregate : aggregates) {
                OutboxRelay.index(aggregate.collection());
                collections.add(aggregate.collection());
                names.add(aggregate.aggregate());
            }
            relay =
                    new OutboxRelay(
                            String.join("-", names),
                            collections,
                            new EmitterPublisher(events),
                            publishTimeout,
                            lanes);
            for (int i = 0; i < collections.size(); i++) {
                MongoCollection<Document> collection = collections.get(i);
                metrics.gauge(
                        OLDEST_WAITING,
                        relay,
                        r -> r.oldestWaitingSeconds(collection),
                        new Tag("aggregate", names.get(i)));
            }
            relay.start(sweepEvery);
        }
        return relay;
    }

    /** The pending form of an event, with a fresh id, on this deployment's subjects. */
    public PendingEvent pending(EventPayload payload) {
        return PendingEvent.of(payload, subjectPrefix);
    }

    /** Publishes the document's pending events soon, without making the caller wait. */
    public void relay(MongoCollection<Document> collection, Object documentId) {
        relay().relay(collection, documentId);
    }

    @PreDestroy
    synchronized void stop() {
        if (relay != null) {
            relay.close();
        }
    }
}
