package dev.ticketing.order.domain;

import dev.ticketing.common.errors.BusinessRuleException;
import dev.ticketing.common.listing.Listed;
import dev.ticketing.common.listing.Listing;
import java.time.Instant;

/**
 * order-service's copy of a catalog ticket: the catalog's fields, replicated from ticket events in
 * version order, and this service's own reservation ({@code reservedBy}: the order holding it, set
 * by one conditional write when an order is placed), which replication never touches.
 *
 * @param listing what the seller listed, as the newest ticket event this service applied carried it
 * @param version the catalog's version of the ticket (replicated)
 * @param orderId the catalog's view of the order holding the ticket (replicated, informational)
 * @param withdrawn whether its seller took the listing down (replicated): never orderable again
 */
public record TicketCopy(
        Listing listing, long version, String orderId, String reservedBy, boolean withdrawn)
        implements Listed {

    public boolean isReserved() {
        return reservedBy != null;
    }

    public Order.Ticket snapshot() {
        return new Order.Ticket(id(), title(), price(), version, event(), seat());
    }

    /**
     * Whether {@code buyerId} may order this ticket at {@code now} (docs/api.md, "Events and
     * listings"): still listed, not the seller's own, and not once its event has started.
     */
    public void checkOrderable(String buyerId, Instant now) {
        if (withdrawn) {
            throw new BusinessRuleException(WITHDRAWN);
        }
        if (userId() != null && userId().equals(buyerId)) {
            throw new BusinessRuleException(OWN_TICKET);
        }
        if (event() != null && event().hasStarted(now)) {
            throw new BusinessRuleException(EVENT_STARTED);
        }
    }

    /** The contract's messages. */
    public static final String OWN_TICKET = "You cannot buy your own ticket";

    public static final String EVENT_STARTED = "The event has already started";

    public static final String WITHDRAWN = "The seller has withdrawn this ticket";
}
