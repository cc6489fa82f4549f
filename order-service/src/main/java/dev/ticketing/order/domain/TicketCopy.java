package dev.ticketing.order.domain;

import java.math.BigDecimal;

/**
 * order-service's copy of a catalog ticket: the catalog's fields, replicated from ticket events in
 * version order, and this service's own reservation ({@code reservedBy}: the order holding it, set
 * by one conditional write when an order is placed), which replication never touches.
 *
 * @param orderId the catalog's view of the order holding the ticket (replicated, informational)
 */
public record TicketCopy(
        String id,
        String title,
        BigDecimal price,
        String userId,
        long version,
        String orderId,
        String reservedBy) {

    public boolean isReserved() {
        return reservedBy != null;
    }

    public Order.Ticket snapshot() {
        return new Order.Ticket(id, title, price, version);
    }
}
