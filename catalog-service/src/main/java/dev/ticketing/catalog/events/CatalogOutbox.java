package dev.ticketing.catalog.events;

import dev.ticketing.catalog.store.TicketStore;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.store.outbox.EmitterPublisher;
import dev.ticketing.store.outbox.OutboxRelay;
import dev.ticketing.store.outbox.PendingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes the events ticket writes leave in their outbox: right after each write, and from a
 * periodic sweep that also picks up what a crash left behind when the service starts again.
 */
@ApplicationScoped
public class CatalogOutbox {

    @Inject
    @Channel("events")
    Emitter<String> events;

    @Inject
    TicketStore tickets;

    @Inject
    @ConfigProperty(name = "ticketing.subject.prefix", defaultValue = "ticketing")
    String subjectPrefix;

    @Inject
    @ConfigProperty(name = "catalog.outbox.sweep.seconds", defaultValue = "5")
    long sweepSeconds;

    private OutboxRelay relay;

    /** Starts with the application, so a crash's leftovers go out without waiting for a request. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        relay();
    }

    private synchronized OutboxRelay relay() {
        if (relay == null) {
            relay = new OutboxRelay("catalog", List.of(tickets.collection()), new EmitterPublisher(events),
                    Duration.ofSeconds(10)).start(Duration.ofSeconds(sweepSeconds));
        }
        return relay;
    }

    /** The pending form of an event about a ticket, on this deployment's subjects. */
    public PendingEvent pending(EventPayload payload) {
        return PendingEvent.of(payload, subjectPrefix);
    }

    /** Publishes the ticket's pending events soon, without making the caller wait. */
    public void relay(String ticketId) {
        relay().relay(tickets.collection(), ticketId);
    }

    @PreDestroy
    synchronized void stop() {
        if (relay != null) {
            relay.close();
        }
    }
}
