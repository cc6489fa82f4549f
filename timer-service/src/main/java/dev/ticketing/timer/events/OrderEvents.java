package dev.ticketing.timer.events;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.timer.domain.Expiry;
import dev.ticketing.timer.expiry.ExpiryTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
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
    private static final Logger LOG = Logger.getLogger(OrderEvents.class.getName());

    // Looked up per event, inside the handler's try: at start-up events can arrive before the EJB
    // module has started, and a failed injection would end the channel instead of nacking.
    @Inject
    Instance<ExpiryTimers> timers;

    @Incoming("order-created")
    public CompletionStage<Void> scheduleExpiry(Message<String> message) {
        return handle(message, OrderCreated.class, event -> {
            OrderCreated order = event.data();
            if (order.expiresAt() == null) {
                throw new EventFormatException("order.created " + event.id() + " has no expiresAt");
            }
            timers.get().schedule(new Expiry(order.id(), order.expiresAt()));
        });
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> cancelExpiryOfCancelled(Message<String> message) {
        return handle(message, OrderCancelled.class, event -> timers.get().cancel(event.data().id()));
    }

    @Incoming("order-completed")
    public CompletionStage<Void> cancelExpiryOfCompleted(Message<String> message) {
        return handle(message, OrderCompleted.class, event -> timers.get().cancel(event.data().id()));
    }

    private <P extends dev.ticketing.common.events.EventPayload> CompletionStage<Void> handle(
            Message<String> message, Class<P> type, Consumer<EventEnvelope<P>> action) {
        try {
            EventEnvelope<P> event = Events.fromJson(message.getPayload(), type);
            String orderId = idOf(event.data());
            if (orderId == null || orderId.isBlank()) {
                throw new EventFormatException("event " + event.id() + " names no order");
            }
            action.accept(event);
            return message.ack();
        } catch (EventFormatException e) {
            LOG.log(Level.WARNING, "unusable " + type.getSimpleName() + " event is dead-lettered: " + e.getMessage());
            return message.nack(e);
        } catch (RuntimeException e) {
            // The timer store failed: not acknowledged, so the event comes back after the backoff.
            LOG.log(Level.WARNING, "handling a " + type.getSimpleName() + " event failed; it is redelivered", e);
            return message.nack(e);
        }
    }

    private static String idOf(Object payload) {
        if (payload instanceof OrderCreated c) {
            return c.id();
        }
        if (payload instanceof OrderCancelled c) {
            return c.id();
        }
        if (payload instanceof OrderCompleted c) {
            return c.id();
        }
        return null;
    }
}
