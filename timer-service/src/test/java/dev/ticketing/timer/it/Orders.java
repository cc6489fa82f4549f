package dev.ticketing.timer.it;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Order events as order-service publishes them, with obviously fake data. */
final class Orders {
    private Orders() {}

    static String newOrderId() {
        return "order-" + UUID.randomUUID();
    }

    static EventEnvelope<OrderCreated> created(String orderId, Instant expiresAt) {
        return EventEnvelope.of(
                new OrderCreated(
                        orderId,
                        0,
                        "created",
                        "user-test",
                        expiresAt.truncatedTo(ChronoUnit.MILLIS),
                        new OrderCreated.Ticket("ticket-" + orderId, new BigDecimal("10.00"))));
    }

    static EventEnvelope<OrderCancelled> cancelled(String orderId) {
        return EventEnvelope.of(
                new OrderCancelled(orderId, 1, new OrderCancelled.Ticket("ticket-" + orderId)));
    }

    static EventEnvelope<OrderCompleted> completed(String orderId) {
        return EventEnvelope.of(
                new OrderCompleted(
                        orderId, 1, "buyer-1", new OrderCompleted.Ticket("ticket-" + orderId)));
    }
}
