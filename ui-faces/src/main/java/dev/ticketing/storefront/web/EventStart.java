package dev.ticketing.storefront.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * An event's start as a seller types it: a local date and time ({@code 2027-05-01T19:30}, what a
 * datetime-local input sends) in the seller's time zone, stored as an instant (UTC).
 */
final class EventStart {
    private EventStart() {}

    /**
     * The instant, or empty when {@code local} is blank or not a date and time. An unknown or
     * missing time zone (no JavaScript) is UTC, which the form says.
     */
    static Optional<Instant> parse(String local, String timeZone) {
        if (local == null || local.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(local.strip()).atZone(zone(timeZone)).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
