package dev.ticketing.timer.events;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.kit.events.Settle;
import dev.ticketing.nats.TransientFailure;
import dev.ticketing.timer.domain.Expiry;
import dev.ticketing.timer.expiry.ExpiryTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * order.created schedules the order's expiry; order.cancelled and order.completed cancel it. All
 * three are idempotent (one timer per order id), so redeliveries change nothing. timer-service
 * keeps no copy of orders, so it needs no version ordering: a cancel that overtakes its create
 * leaves a timer whose expiry order-service ignores (the order is no longer created).
 */
@ApplicationScoped
public class OrderEvents {

    // Looked up, not injected: at start-up events can arrive before the EJB module has started,
    // and a failed injection would end the channel; a failed lookup is a transient failure instead.
    @Inject Instance<ExpiryTimers> timers;

    // The first reference found, kept: every Instance.get() made a new one (an EJB proxy and its
    // creational context) that this application-scoped bean held until shutdown, about 550 bytes
    // an event: 155,000 of them after a 100,000-order preload, and Liberty's heap full.
    private volatile ExpiryTimers found;

    @Inject Settle settle;

    @Incoming("order-created")
    public CompletionStage<Void> scheduleExpiry(Message<String> message) {
        return settle.event(
                message,
                json -> read(json, OrderCreated.class, OrderCreated::id),
                event -> {
                    OrderCreated order = event.data();
                    if (order.expiresAt() == null) {
                        throw new EventFormatException(
                                "order.created " + event.id() + " has no expiresAt");
                    }
                    return timers().schedule(new Expiry(order.id(), order.expiresAt()))
                            ? Outcome.APPLIED
                            : Outcome.DUPLICATE;
                });
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> cancelExpiryOfCancelled(Message<String> message) {
        return settle.event(
                message,
                json -> read(json, OrderCancelled.class, OrderCancelled::id),
                event -> timers().cancel(event.data().id()) ? Outcome.APPLIED : Outcome.DUPLICATE);
    }

    @Incoming("order-completed")
    public CompletionStage<Void> cancelExpiryOfCompleted(Message<String> message) {
        return settle.event(
                message,
                json -> read(json, OrderCompleted.class, OrderCompleted::id),
                event -> timers().cancel(event.data().id()) ? Outcome.APPLIED : Outcome.DUPLICATE);
    }

    private ExpiryTimers timers() {
        ExpiryTimers singleton = found;
        if (singleton != null) {
            return singleton;
        }
        try {
            singleton = timers.get(); // a @Singleton's proxy: one serves every thread
        } catch (RuntimeException notYet) {
            throw new TransientFailure("the expiry timers are not available yet", notYet);
        }
        found = singleton;
        return singleton;
    }

    private static <P extends EventPayload> EventEnvelope<P> read(
            String json, Class<P> type, Function<P, String> id) {
        EventEnvelope<P> event = Events.fromJson(json, type);
        String orderId = id.apply(event.data());
        if (orderId == null || orderId.isBlank()) {
            throw new EventFormatException("event " + event.id() + " names no order");
        }
        return event;
    }
}
