package dev.ticketing.catalog.application;

import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.common.events.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the catalog keeps its tickets: the port {@link TicketCatalog} owns and the store package
 * implements. Every write takes the ticket's events with it, stored atomically with the change (the
 * outbox); {@link #relayEvents} then publishes them without making the caller wait.
 */
public interface Tickets {

    /** A fresh ticket id. */
    String newId();

    /** Inserts a new ticket with its ticket.created event, in one atomic write. */
    void insert(Ticket ticket, EventPayload created);

    Optional<Ticket> find(String id);

    /** Free tickets, newest first. */
    List<Ticket> listFree(int offset, int limit);

    /**
     * At most {@code max} tickets on sale at {@code now} that match {@code search}, in its order,
     * after its position.
     */
    List<Ticket> search(TicketSearch search, Instant now, int max);

    /** Every listing of one seller, in any state, newest first. */
    List<Ticket> listBySeller(String sellerId, int offset, int limit);

    /**
     * Writes {@code after} over {@code before} if the stored ticket is still at {@code before}'s
     * version, with {@code events}, in one conditional write.
     *
     * @return false when another write got there first (read again and decide again)
     */
    boolean update(Ticket before, Ticket after, List<EventPayload> events);

    /**
     * Points the listing at {@code after}'s file if it is still unsold, not withdrawn and still
     * points at {@code before}'s file (no version, no event: other services copy no file).
     *
     * @return false when the listing changed meanwhile (read again and decide again)
     */
    boolean attachFile(Ticket before, Ticket after);

    /** Publishes the ticket's stored events soon, without making the caller wait. */
    void relayEvents(String ticketId);
}
