package dev.ticketing.payment.domain;

import java.math.BigDecimal;

/**
 * Money as the card networks count it: an exact number of cents (docs/api.md: a price has at most 2
 * decimals).
 */
public final class Cents {
    private Cents() {}

    /**
     * {@code price} in integer cents, exactly: 10.5 → 1050. A price with fractional cents or not
     * above zero is refused rather than rounded (the original app charged fractions of a cent).
     */
    public static long of(BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("A price must be greater than 0: " + price);
        }
        try {
            return price.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "A price has at most 2 decimals: " + price.toPlainString(), e);
        }
    }
}
