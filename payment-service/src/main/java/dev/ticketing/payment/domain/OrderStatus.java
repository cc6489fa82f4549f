package dev.ticketing.payment.domain;

import java.util.Arrays;

/** The statuses of an order as payment-service's copy knows them (docs/api.md names). */
public enum OrderStatus {
    CREATED("created"),
    AWAITING_PAYMENT("awaiting:payment"),
    COMPLETE("complete"),
    CANCELLED("cancelled");

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static OrderStatus of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown order status: " + value));
    }
}
