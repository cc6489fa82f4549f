package dev.ticketing.catalog.application;

import dev.ticketing.catalog.domain.SalePayout;
import java.util.Collection;
import java.util.Map;

/**
 * The catalog's copy of payment-service's payouts, one per sale (docs/api.md, "Delivery and
 * payouts"): the port {@link TicketCatalog} owns and the store package implements. The events may
 * arrive in any order: a payout's final status (paid, cancelled) is never undone by its creation
 * arriving late, and each event fills in what it knows.
 */
public interface SalePayouts {

    /**
     * The payout was created, pending: stores it, or fills in what a later event stored first
     * without changing its status; false when it had all of it already (a duplicate).
     */
    boolean owed(SalePayout payout);

    /** The payout was transferred: final; false when it was paid already. */
    boolean paid(SalePayout payout);

    /** The sale was refunded before its payout: final; false when it was cancelled already. */
    boolean cancelled(String orderId, String ticketId);

    /** The payouts of these sales, by order id; a sale whose payout is not known yet is absent. */
    Map<String, SalePayout> ofOrders(Collection<String> orderIds);
}
