package dev.ticketing.storefront.client;

import java.math.BigDecimal;

/**
 * The body of listing a ticket or editing one; {@code event} and {@code seat} are left out when
 * null (an edit then keeps the listing's).
 */
public record TicketDraft(
        String title, BigDecimal price, Ticket.ListedEvent event, SeatDraft seat) {

    public TicketDraft(String title, BigDecimal price) {
        this(title, price, null, null);
    }

    /** A seat as sent: blank parts are sent as they are, and catalog-service drops them. */
    public record SeatDraft(String section, String row, String number) {}
}
