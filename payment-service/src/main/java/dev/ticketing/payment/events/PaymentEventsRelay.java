package dev.ticketing.payment.events;

import dev.ticketing.payment.store.OrderCopies;
import dev.ticketing.store.outbox.EmitterPublisher;
import dev.ticketing.store.outbox.OutboxRelay;
import jakarta.annotation.PostConstruct;
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

/** Relays the orders' outboxes (payment.created) to NATS; its sweep also publishes what a crash left. */
@ApplicationScoped
public class PaymentEventsRelay {

    @Inject
    OrderCopies orders;

    @Inject
    @Channel("events")
    Emitter<String> events;

    @Inject
    @ConfigProperty(name = "payments.outbox.sweep", defaultValue = "PT5S")
    Duration sweepEvery;

    private OutboxRelay relay;

    @PostConstruct
    void start() {
        relay = new OutboxRelay("payment-service", List.of(orders.collection()), new EmitterPublisher(events),
                Duration.ofSeconds(10)).start(sweepEvery);
    }

    /** Starts the relay with the application, not on first use, so leftovers go out right away. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Touching the bean is enough: @PostConstruct starts the relay.
    }

    /** Publishes the order's pending events soon. */
    public void relay(String orderId) {
        relay.relay(orders.collection(), orderId);
    }

    @PreDestroy
    void stop() {
        relay.close();
    }
}
