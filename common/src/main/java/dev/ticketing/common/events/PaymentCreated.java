package dev.ticketing.common.events;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code payment.created}: an order was charged; {@code stripeId} is the gateway's charge id. */
@JsonbPropertyOrder({"id", "orderId", "stripeId"})
public record PaymentCreated(String id, String orderId, String stripeId) implements EventPayload {}
