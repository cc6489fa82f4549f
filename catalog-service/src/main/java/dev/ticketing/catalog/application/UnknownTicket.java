package dev.ticketing.catalog.application;

/**
 * An order event names a ticket the catalog never had: orders are placed on copies of this
 * catalog's tickets, so such an event can never be applied (the events adapter drops it as poison).
 */
public class UnknownTicket extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownTicket(String ticketId) {
        super("ticket " + ticketId + " is not in the catalog");
    }
}
