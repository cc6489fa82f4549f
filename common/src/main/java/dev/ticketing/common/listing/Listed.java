package dev.ticketing.common.listing;

import java.math.BigDecimal;

/**
 * A ticket that holds a {@link Listing} (catalog's ticket, order-service's copy): what the seller
 * listed reads straight off it, the same way in every service.
 */
public interface Listed {

    Listing listing();

    default String id() {
        return listing().id();
    }

    default String title() {
        return listing().title();
    }

    default BigDecimal price() {
        return listing().price();
    }

    /** What the ticket is for, null when the seller named none. */
    default Event event() {
        return listing().event();
    }

    /** Where it sits, null when the seller described none. */
    default Seat seat() {
        return listing().seat();
    }

    /** The seller. */
    default String userId() {
        return listing().userId();
    }
}
