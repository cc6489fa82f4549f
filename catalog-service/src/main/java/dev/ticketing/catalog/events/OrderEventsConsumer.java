package dev.ticketing.catalog.events;

import dev.ticketing.catalog.application.TicketCatalog;
import dev.ticketing.catalog.application.UnknownTicket;
import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.kit.events.Settle;
import dev.ticketing.nats.PoisonMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reserves, releases and sells tickets as orders are created, cancelled and paid; settled by the
 * service kit (an order.created for a ticket another order still holds waits for that order's
 * cancellation; an order.completed waits for its order.created).
 */
@ApplicationScoped
public class OrderEventsConsumer {
    // Ids become field names in a ticket's orderEvents: nothing that could address another field.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject TicketCatalog catalog;

    @Inject Settle settle;

    @Incoming("order-created")
    public CompletionStage<Void> reserve(Message<String> message) {
        return settle.event(
                message,
                OrderCreated.class,
                OrderEventsConsumer::valid,
                order ->
                        applicable(
                                () ->
                                        catalog.reserve(
                                                order.ticket().id(), order.id(), order.version())));
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> release(Message<String> message) {
        return settle.event(
                message,
                OrderCancelled.class,
                OrderEventsConsumer::valid,
                order ->
                        applicable(
                                () ->
                                        catalog.release(
                                                order.ticket().id(), order.id(), order.version())));
    }

    @Incoming("order-completed")
    public CompletionStage<Void> sell(Message<String> message) {
        return settle.event(
                message,
                OrderCompleted.class,
                OrderEventsConsumer::valid,
                order ->
                        applicable(
                                () ->
                                        catalog.sell(
                                                order.ticket().id(),
                                                order.id(),
                                                order.userId(),
                                                order.version())));
    }

    /** An event about a ticket the catalog never had can never be applied: poison, not retried. */
    private static Outcome applicable(Supplier<Outcome> apply) {
        try {
            return apply.get();
        } catch (UnknownTicket e) {
            throw new PoisonMessage(e.getMessage());
        }
    }

    private static OrderCreated valid(OrderCreated order) {
        requireIds(order.id(), order.ticket() == null ? null : order.ticket().id());
        return order;
    }

    private static OrderCancelled valid(OrderCancelled order) {
        requireIds(order.id(), order.ticket() == null ? null : order.ticket().id());
        return order;
    }

    private static OrderCompleted valid(OrderCompleted order) {
        requireIds(order.id(), order.ticket() == null ? null : order.ticket().id());
        return order;
    }

    private static void requireIds(String orderId, String ticketId) {
        if (orderId == null
                || !ID.matcher(orderId).matches()
                || ticketId == null
                || !ID.matcher(ticketId).matches()) {
            throw new EventFormatException("order event without a valid order id and ticket id");
        }
    }
}
