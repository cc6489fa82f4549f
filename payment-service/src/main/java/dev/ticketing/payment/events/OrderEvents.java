package dev.ticketing.payment.events;

import dev.ticketing.common.events.EventFormatException;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.common.events.VersionOrder;
import dev.ticketing.kit.events.Outcome;
import dev.ticketing.kit.events.Settle;
import dev.ticketing.payment.checkout.Checkout;
import dev.ticketing.payment.checkout.OrderCopies;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps the order copies (docs/api.md, "Events"): order.created makes one (or fills in one a later
 * event made first), order.cancelled and order.completed move it on when they are newer than it; an
 * older or equal version is a duplicate. A cancelled order that was paid is refunded, retried with
 * the service kit's backoff while the gateway is down.
 */
@ApplicationScoped
public class OrderEvents {
    private static final int MAX_ATTEMPTS = 20;

    @Inject OrderCopies orders;

    @Inject Checkout checkout;

    @Inject Settle settle;

    @Incoming("order-created")
    public CompletionStage<Void> copyCreated(Message<String> message) {
        return settle.event(message, OrderCreated.class, OrderEvents::valid, this::created);
    }

    @Incoming("order-cancelled")
    public CompletionStage<Void> copyCancelled(Message<String> message) {
        return settle.event(
                message,
                OrderCancelled.class,
                Function.identity(),
                order -> {
                    Outcome outcome =
                            advance(requireId(order.id()), order.version(), OrderStatus.CANCELLED);
                    // Paid, then expired before order-service saw the payment: the buyer is
                    // refunded. Also on a
                    // redelivery: a refund that failed last time is tried again (one refund key per
                    // charge).
                    checkout.refundIfOwed(order.id());
                    return outcome;
                });
    }

    @Incoming("order-completed")
    public CompletionStage<Void> copyCompleted(Message<String> message) {
        return settle.event(
                message,
                OrderCompleted.class,
                Function.identity(),
                order -> advance(requireId(order.id()), order.version(), OrderStatus.COMPLETE));
    }

    private Outcome created(OrderCreated order) {
        try {
            if (orders.insertCreated(order)) {
                return Outcome.APPLIED;
            }
            return orders.fillIn(order) ? Outcome.APPLIED : Outcome.DUPLICATE;
        } catch (IllegalArgumentException badValue) {
            throw new EventFormatException(
                    "order.created " + order.id() + ": " + badValue.getMessage(), badValue);
        }
    }

    /**
     * Applies the status change if it is newer than the copy; makes the copy if none exists yet.
     */
    private Outcome advance(String orderId, long version, OrderStatus status) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<OrderCopy> copy = orders.find(orderId);
            if (copy.isEmpty()) {
                if (orders.insertFromStatus(orderId, version, status)) {
                    return Outcome.APPLIED;
                }
                continue; // its order.created was stored meanwhile
            }
            if (VersionOrder.of(copy.get().version(), version) == VersionOrder.DUPLICATE) {
                return Outcome.DUPLICATE;
            }
            if (orders.applyStatus(orderId, version, status).isPresent()) {
                return Outcome.APPLIED;
            }
        }
        throw new IllegalStateException(
                "order copy " + orderId + " kept changing; version " + version + " not applied");
    }

    private static OrderCreated valid(OrderCreated order) {
        requireId(order.id());
        if (order.userId() == null || order.ticket() == null || order.ticket().price() == null) {
            throw new EventFormatException(
                    "order.created " + order.id() + " lacks userId or ticket price");
        }
        return order;
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new EventFormatException("an order event without an order id");
        }
        return id;
    }
}
