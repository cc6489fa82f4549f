package dev.ticketing.store.mongo;

import jakarta.nosql.AttributeConverter;
import java.math.BigDecimal;
import org.bson.types.Decimal128;

/**
 * Stores an amount as a Decimal128 and reads it back digit for digit. Put on every {@code
 * BigDecimal} column ({@code @Convert(ExactDecimal.class)}): without it JNoSQL 1.1 reads a
 * Decimal128 through a double, so 25.50 comes back as 25.5 and large amounts lose cents.
 */
public class ExactDecimal implements AttributeConverter<BigDecimal, Object> {

    @Override
    public Object convertToDatabaseColumn(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount);
    }

    @Override
    public BigDecimal convertToEntityAttribute(Object stored) {
        if (stored == null || stored instanceof BigDecimal) {
            return (BigDecimal) stored;
        }
        return stored instanceof Decimal128 d
                ? d.bigDecimalValue()
                : new BigDecimal(stored.toString());
    }
}
