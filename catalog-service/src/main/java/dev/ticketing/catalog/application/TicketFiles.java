package dev.ticketing.catalog.application;

import java.util.Optional;

/**
 * Where the catalog keeps the content of ticket files, beside the listings (docs/api.md, "Delivery
 * and payouts"): the port {@link TicketCatalog} owns and the store package implements. Content is
 * written under a new id before a listing points to it and deleted once nothing does, so a reader
 * never finds a listing whose file is missing.
 */
public interface TicketFiles {

    /** Stores the content of a new upload for {@code ticketId} under {@code fileId}. */
    void save(String fileId, String ticketId, String mediaType, byte[] content);

    /** The stored content, if it is there. */
    Optional<byte[]> content(String fileId);

    /** Deletes content no listing points to any more; nothing happens when it is gone already. */
    void delete(String fileId);
}
