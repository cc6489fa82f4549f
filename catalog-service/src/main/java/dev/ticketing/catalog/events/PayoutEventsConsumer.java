package dev.ticketing.catalog.events;

import dev.ticketing.catalog.application.TicketCatalog;
import dev.ticketing.catalog.domain.SalePayout;
import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.PayoutCancelled;
import dev.ticketing.common.events.PayoutCreated;
import dev.ticketing.common.events.PayoutReleased;
import dev.ticketing.kit.events.Settle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * payment-service's payout events (docs/api.md, "Events"), kept for the sellers' dashboards: the
 * payout of a sale created (pending), released (paid) or cancelled (refunded). In any order; a
 * duplicate changes nothing.
 */
@ApplicationScoped
public class PayoutEventsConsumer {

    @Inject TicketCatalog catalog;

    @Inject Settle settle;

    @Incoming("payout-created")
    public CompletionStage<Void> owed(Message<String> message) {
        return settle.event(
                message,
                PayoutCreated.class,
                p -> valid(p.orderId(), p.ticketId(), p.net() != null && p.releaseAt() != null, p),
                p ->
                        catalog.payoutOwed(
                                new SalePayout(
                                        p.orderId(),
                                        p.ticketId(),
                                        p.amount(),
                                        p.fee(),
                                        p.net(),
                                        SalePayout.Status.PENDING,
                                        p.releaseAt())));
    }

    @Incoming("payout-released")
    public CompletionStage<Void> paid(Message<String> message) {
        return settle.event(
                message,
                PayoutReleased.class,
                p -> valid(p.orderId(), p.ticketId(), p.net() != null, p),
                p ->
                        catalog.payoutPaid(
                                new SalePayout(
                                        p.orderId(),
                                        p.ticketId(),
                                        p.amount(),
                                        p.fee(),
                                        p.net(),
                                        SalePayout.Status.PAID,
                                        null)));
    }

    @Incoming("payout-cancelled")
    public CompletionStage<Void> cancelled(Message<String> message) {
        return settle.event(
                message,
                PayoutCancelled.class,
                p -> valid(p.orderId(), p.ticketId(), true, p),
                p -> catalog.payoutCancelled(p.orderId(), p.ticketId()));
    }

    private static <T> T valid(String orderId, String ticketId, boolean complete, T event) {
        if (orderId == null || orderId.isBlank() || ticketId == null || ticketId.isBlank()) {
            throw new EventFormatException("payout event without an order id and a ticket id");
        }
        if (!complete) {
            throw new EventFormatException(
                    "payout event of order " + orderId + " lacks its amounts");
        }
        return event;
    }
}
