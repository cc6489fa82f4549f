package dev.ticketing.store.mongo;

import jakarta.nosql.AttributeConverter;
import java.time.Instant;
import java.util.Date;

/**
 * Stores an instant as a BSON date. Put on every {@code Instant} column
 * ({@code @Convert(InstantAsDate.class)}): without it JNoSQL 1.1 writes an instant as its ISO
 * string, which the driver's date filters, the outbox relay and the TTL and range indexes do not
 * see as a date.
 */
public class InstantAsDate implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Object stored) {
        if (stored == null || stored instanceof Instant) {
            return (Instant) stored;
        }
        return stored instanceof Date date ? date.toInstant() : Instant.parse(stored.toString());
    }
}
