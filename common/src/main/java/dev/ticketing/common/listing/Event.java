package dev.ticketing.common.listing;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a ticket is for: a show at a venue in a city, starting at an instant (docs/api.md, "Events
 * and listings"). A listing may have none (an old client's ticket is a title and a price). One
 * value for the whole marketplace: catalog lists it, ticket events carry it (its members are the
 * wire's, {@code startsAt} ISO-8601 UTC), order-service keeps it on its copies and orders.
 */
@JsonbPropertyOrder({"name", "venue", "city", "startsAt"})
@Schema(name = "ListingEvent", description = "What the ticket is for")
public record Event(
        @Schema(description = "The show", example = "Night Sky Tour") String name,
        @Schema(description = "Where it is", example = "Arena") String venue,
        @Schema(description = "The venue's city", example = "Lyon") String city,
        @Schema(description = "When it starts (ISO-8601 UTC)", example = "2027-05-01T19:30:00Z")
                Instant startsAt) {
    /** The contract's message when a listing names an event that has begun or is over. */
    public static final String NOT_IN_FUTURE = "The event must be in the future";

    public Event {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(startsAt, "startsAt");
    }

    /** Why a listing may not name an event starting at {@code startsAt}, if it may not. */
    public static Optional<String> problem(Instant startsAt, Instant now) {
        return startsAt.isAfter(now) ? Optional.empty() : Optional.of(NOT_IN_FUTURE);
    }

    /** Started (or over) at {@code now}: its tickets are no longer listed or sold. */
    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }
}
