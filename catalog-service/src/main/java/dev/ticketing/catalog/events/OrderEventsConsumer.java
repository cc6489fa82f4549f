package dev.ticketing.catalog.events;

import dev.ticketing.catalog.application.TicketCatalog;
import dev.ticketing.catalog.domain.EventOutcome;
import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCreated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reserves and releases tickets as orders are created and cancelled. Acknowledges what was applied
 * or was a duplicate; leaves early events and failures unacknowledged (nack: redelivered after a
 * backoff, dead-lettered after the channel's max-deliver).
 */
@ApplicationScoped
public class OrderEventsConsumer {
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class.getName());
    // Ids become field names in a ticket's orderEvents: nothing that could address another field.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    TicketCatalog catalog;

    @Incoming("order-created")
    public CompletionStage<Void> reserve(Message<String> message) {
        EventEnvelope<OrderCreated> event;
        try {
            event = Events.fromJson(message.getPayload(), OrderCreated.class);
            requireIds(event.data().id(), event.data().ticket() == null ? null : event.data().ticket().id());
        } catch (EventFormatException e) {
            return deadLetter(message, e);
        }
        OrderCreated order = event.data();
        return settle(message, event.id(), () -> catalog.reserve(order.ticket().id(), order.id(), order.version()));
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> release(Message<String> message) {
        EventEnvelope<OrderCancelled> event;
        try {
            event = Events.fromJson(message.getPayload(), OrderCancelled.class);
            requireIds(event.data().id(), event.data().ticket() == null ? null : event.data().ticket().id());
        } catch (EventFormatException e) {
            return deadLetter(message, e);
        }
        OrderCancelled order = event.data();
        return settle(message, event.id(), () -> catalog.release(order.ticket().id(), order.id(), order.version()));
    }

    private static void requireIds(String orderId, String ticketId) {
        if (orderId == null || !ID.matcher(orderId).matches() || ticketId == null || !ID.matcher(ticketId).matches()) {
            throw new EventFormatException("order event without a valid order id and ticket id");
        }
    }

    private static CompletionStage<Void> settle(Message<String> message, String eventId,
                                                java.util.function.Supplier<EventOutcome> apply) {
        EventOutcome outcome;
        try {
            outcome = apply.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order event " + eventId + " failed; it will be redelivered", e);
            return message.nack(e);
        }
        if (outcome == EventOutcome.EARLY) {
            LOG.fine(() -> "order event " + eventId + " arrived before the one it follows; waiting for redelivery");
            return message.nack(new IllegalStateException("order event " + eventId + " arrived early"));
        }
        return message.ack();
    }

    private static CompletionStage<Void> deadLetter(Message<String> message, EventFormatException e) {
        LOG.warning("unreadable order event (it goes to the dead-letter subject): " + e.getMessage());
        return message.nack(e);
    }
}
