package dev.ticketing.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A ticket's price: positive, whole cents (the card charge is in integer cents, so a fraction of a
 * cent must be refused here rather than rounded away later), and bounded so it fits any store.
 */
public final class Price {
    public static final BigDecimal MAX = new BigDecimal("1000000.00");

    private Price() {}

    /** Why {@code value} is not a valid price, or empty when it is (null is the caller's rule). */
    public static Optional<String> problem(BigDecimal value) {
        if (value.signum() <= 0) {
            return Optional.of("Price must be greater than 0");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return Optional.of("Price must have at most 2 decimal places");
        }
        if (value.compareTo(MAX) > 0) {
            return Optional.of("Price must be at most 1000000");
        }
        return Optional.empty();
    }

    /** The price in its stored form, two decimal places ({@code 10.5} becomes {@code 10.50}). */
    public static BigDecimal normalize(BigDecimal valid) {
        if (problem(valid).isPresent()) {
            throw new IllegalArgumentException("Not a valid price: " + valid);
        }
        return valid.setScale(2, RoundingMode.UNNECESSARY);
    }
}
