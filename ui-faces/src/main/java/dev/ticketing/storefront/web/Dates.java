package dev.ticketing.storefront.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as the pages show them: in UTC on the server ("Sat 1 May 2027, 19:30 UTC"), inside a
 * {@code <time>} whose {@code datetime} the static local-time.js rewrites into the visitor's own
 * time zone. Without JavaScript the UTC text stays, and says so.
 */
@Named
@ApplicationScoped
public class Dates {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.UK)
                    .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
