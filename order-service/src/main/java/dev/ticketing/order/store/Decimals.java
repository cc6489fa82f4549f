package dev.ticketing.order.store;

import java.math.BigDecimal;
import org.bson.types.Decimal128;

/** Prices as MongoDB decimals, so 10.50 stays exactly 10.50. */
final class Decimals {
    private Decimals() {}

    static Decimal128 of(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }
}
