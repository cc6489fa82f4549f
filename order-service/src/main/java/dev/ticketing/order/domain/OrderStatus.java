package dev.ticketing.order.domain;

import java.util.Arrays;

/** An order's status, with its name on the wire. */
public enum OrderStatus {
    /** Holding the ticket until it expires. */
    CREATED("created"),
    /** A payment is in progress; still holding the ticket. */
    AWAITING_PAYMENT("awaiting:payment"),
    /** Paid: the ticket is sold. */
    COMPLETE("complete"),
    /** Cancelled by the buyer, or expired: the ticket was released. */
    CANCELLED("cancelled");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Still holding its ticket. */
    public boolean isOpen() {
        return this == CREATED || this == AWAITING_PAYMENT;
    }

    public static OrderStatus ofWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown order status: " + name));
    }
}
