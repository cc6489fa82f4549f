package dev.ticketing.storefront.client;

import java.math.BigDecimal;

/** An order as order-service returns it, with the ticket it holds embedded. */
public record Order(
        String id,
        String userId,
        String status,
        String expiresAt,
        Long version,
        OrderedTicket ticket) {

    /** The ticket inside an order. */
    public record OrderedTicket(String id, String title, BigDecimal price, Long version) {}
}
