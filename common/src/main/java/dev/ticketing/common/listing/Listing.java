package dev.ticketing.common.listing;

import java.math.BigDecimal;

/**
 * What a seller lists (docs/api.md, "Events and listings"): the ticket, its title and price, the
 * event it is for, its seat, and who sells it. The catalog's ticket holds one and every ticket
 * event carries one, so a service that copies tickets from those events (order-service) holds the
 * same value as the catalog, not a look-alike.
 *
 * @param id the ticket's id
 * @param event what the ticket is for, null when the seller named none
 * @param seat where it sits, null when the seller described none
 * @param userId the seller, as the API names them
 */
public record Listing(
        String id, String title, BigDecimal price, Event event, Seat seat, String userId) {

    /**
     * This listing after its seller's edit: a new title and price, and the event and seat when the
     * edit names them (null keeps what the listing has: an old client's edit does not know them).
     */
    public Listing edited(String newTitle, BigDecimal newPrice, Event newEvent, Seat newSeat) {
        return new Listing(
                id,
                newTitle,
                newPrice,
                newEvent == null ? event : newEvent,
                newSeat == null ? seat : newSeat,
                userId);
    }
}
