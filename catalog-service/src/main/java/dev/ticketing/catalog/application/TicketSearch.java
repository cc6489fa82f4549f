package dev.ticketing.catalog.application;

import dev.ticketing.catalog.domain.Ticket;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A buyer's search of the tickets on sale (docs/api.md, "Events and listings"): every criterion
 * optional (null or empty: not asked), in one of three orders, one page after a position.
 *
 * @param words folded words, each matching the start of a word of the listing
 * @param city the folded city, matched whole
 * @param from events starting at or after this instant
 * @param to events starting at or before this instant
 * @param after where the previous page ended; null for the first page
 */
public record TicketSearch(
        List<String> words,
        String city,
        Instant from,
        Instant to,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        SortOrder order,
        Position after,
        int limit) {

    public TicketSearch {
        words = words == null ? List.of() : List.copyOf(words);
        Objects.requireNonNull(order, "order");
    }

    /** Whether only listings with an event can match (a date range, or the soonest first). */
    public boolean needsEvent() {
        return from != null || to != null || order == SortOrder.SOONEST;
    }

    /** The three orders of the contract; ties go by id, so every order is total. */
    public enum SortOrder {
        NEWEST("newest"),
        CHEAPEST("cheapest"),
        SOONEST("soonest");

        private final String wireName;

        SortOrder(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The ticket's value in this order: what the next page continues after. */
        public Position positionOf(Ticket t) {
            return switch (this) {
                case NEWEST -> new Position(t.listedAt().toString(), t.id());
                case CHEAPEST -> new Position(t.price().toPlainString(), t.id());
                case SOONEST -> new Position(t.event().startsAt().toString(), t.id());
            };
        }
    }

    /**
     * Where a page ended: the last ticket's value in the page's order (an instant or a price, as
     * text) and its id.
     */
    public record Position(String key, String id) {
        public Position {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(id, "id");
        }
    }

    /** One page of results and where the next one starts, if there is one. */
    public record Page(List<Ticket> tickets, Position next) {}
}
