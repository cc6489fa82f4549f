package dev.ticketing.order.events;

import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.TicketCreated;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.kit.events.Settle;
import dev.ticketing.order.application.Orders;
import dev.ticketing.order.application.TicketReplica;
import dev.ticketing.store.outbox.CrashPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Copies the catalog's tickets: what makes a ticket orderable here. A withdrawal also cancels the
 * open order that raced it, every time it is delivered (so a crash between the two writes is
 * repaired by the redelivery).
 */
@ApplicationScoped
public class TicketEventsConsumer {

    @Inject TicketReplica replica;

    @Inject Orders orders;

    @Inject Settle settle;

    @Incoming("ticket-created")
    public CompletionStage<Void> created(Message<String> message) {
        return settle.event(
                message, TicketCreated.class, TicketEventsConsumer::valid, replica::created);
    }

    @Incoming("ticket-updated")
    public CompletionStage<Void> updated(Message<String> message) {
        return settle.event(
                message,
                TicketUpdated.class,
                TicketEventsConsumer::valid,
                t -> {
                    Outcome replicated = replica.updated(t);
                    if (!t.withdrawn()) {
                        return replicated;
                    }
                    // A crash here leaves the copy withdrawn and its order open: the redelivered
                    // event cancels the order (WithdrawalCrashIT).
                    CrashPoint.afterWrite("ticket.copy.withdrawn");
                    Outcome cancelled = orders.ticketWithdrawn(t.id());
                    if (cancelled == Outcome.EARLY) {
                        return Outcome.EARLY;
                    }
                    return cancelled == Outcome.APPLIED ? Outcome.APPLIED : replicated;
                });
    }

    private static TicketCreated valid(TicketCreated t) {
        require(t.id(), t.title(), t.price(), t.userId());
        return t;
    }

    private static TicketUpdated valid(TicketUpdated t) {
        require(t.id(), t.title(), t.price(), t.userId());
        return t;
    }

    private static void require(Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                throw new EventFormatException("ticket event without id, title, price or userId");
            }
        }
    }
}
