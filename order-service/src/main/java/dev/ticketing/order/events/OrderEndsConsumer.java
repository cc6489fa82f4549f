package dev.ticketing.order.events;

import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.ExpirationComplete;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.kit.events.Settle;
import dev.ticketing.order.application.Orders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Ends orders: the hold ran out (timer-service), or the buyer paid (payment-service). */
@ApplicationScoped
public class OrderEndsConsumer {

    @Inject Orders orders;

    @Inject Settle settle;

    @Incoming("expiration-complete")
    public CompletionStage<Void> expire(Message<String> message) {
        return settle.event(
                message,
                ExpirationComplete.class,
                event -> orderId(event.orderId()),
                orders::expire);
    }

    @Incoming("payment-created")
    public CompletionStage<Void> complete(Message<String> message) {
        return settle.event(
                message, PaymentCreated.class, event -> orderId(event.orderId()), orders::complete);
    }

    private static String orderId(String id) {
        if (id == null || id.isBlank()) {
            throw new EventFormatException("event without an orderId");
        }
        return id;
    }
}
