package dev.ticketing.payment.events;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.VersionOrder;
import dev.ticketing.payment.checkout.Checkout;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.store.OrderCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the order copies: order.created inserts one, order.cancelled / order.completed move it on,
 * each applied only as the next version (API.md): duplicates are acknowledged with no effect,
 * early events are not acknowledged and come back after the backoff.
 */
@ApplicationScoped
public class OrderEvents {
    private static final Logger LOG = Logger.getLogger(OrderEvents.class.getName());

    @Inject
    OrderCopies orders;

    @Inject
    Checkout checkout;

    @Incoming("order-created")
    public CompletionStage<Void> copyCreated(Message<String> message) {
        try {
            OrderCreated order = Events.fromJson(message.getPayload(), OrderCreated.class).data();
            requireId(order.id());
            if (order.userId() == null || order.ticket() == null || order.ticket().price() == null) {
                throw new EventFormatException("order.created " + order.id() + " lacks userId or ticket price");
            }
            try {
                orders.insertCreated(order);
            } catch (IllegalArgumentException badValue) {
                throw new EventFormatException("order.created " + order.id() + ": " + badValue.getMessage(), badValue);
            }
            return message.ack();
        } catch (RuntimeException e) {
            return refuse(message, "order.created", e);
        }
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> copyCancelled(Message<String> message) {
        try {
            EventEnvelope<OrderCancelled> event = Events.fromJson(message.getPayload(), OrderCancelled.class);
            String orderId = requireId(event.data().id());
            if (!advance(orderId, event.data().version(), OrderStatus.CANCELLED)) {
                return message.nack(new EarlyEvent(event));
            }
            // Paid, then expired before order-service saw the payment: the buyer is refunded.
            checkout.refundIfOwed(orderId);
            return message.ack();
        } catch (RuntimeException e) {
            return refuse(message, "order.cancelled", e);
        }
    }

    @Incoming("order-completed")
    public CompletionStage<Void> copyCompleted(Message<String> message) {
        try {
            EventEnvelope<OrderCompleted> event = Events.fromJson(message.getPayload(), OrderCompleted.class);
            String orderId = requireId(event.data().id());
            if (!advance(orderId, event.data().version(), OrderStatus.COMPLETE)) {
                return message.nack(new EarlyEvent(event));
            }
            return message.ack();
        } catch (RuntimeException e) {
            return refuse(message, "order.completed", e);
        }
    }

    /** Applies the status change in version order; false when the event is early (not applied). */
    private boolean advance(String orderId, long version, OrderStatus status) {
        Optional<OrderCopy> copy = orders.find(orderId);
        if (copy.isEmpty()) {
            return false; // its order.created has not arrived yet
        }
        return switch (VersionOrder.of(copy.get().version(), version)) {
            case DUPLICATE -> true;
            case EARLY -> false;
            // A concurrent redelivery may win the write: then this one is a duplicate.
            case NEXT -> orders.applyStatus(orderId, version, status).isPresent()
                    || orders.find(orderId).map(c -> c.version() >= version).orElse(false);
        };
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new EventFormatException("an order event without an order id");
        }
        return id;
    }

    private static CompletionStage<Void> refuse(Message<String> message, String type, RuntimeException e) {
        if (e instanceof EventFormatException) {
            LOG.warning(() -> "unusable " + type + " event is dead-lettered: " + e.getMessage());
        } else {
            LOG.log(Level.WARNING, type + " could not be applied now; it is redelivered", e);
        }
        return message.nack(e);
    }

    /** An event whose predecessor has not been applied yet. */
    static final class EarlyEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EarlyEvent(EventEnvelope<? extends EventPayload> event) {
            super(event.type() + " " + event.id() + " arrived before the order's earlier events", null, false, false);
        }
    }
}
