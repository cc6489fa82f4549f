package dev.ticketing.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The marketplace's terms for paying sellers (docs/api.md, "Delivery and payouts"): a fee of {@code
 * feePercent} of the price, rounded half up to the cent, and a release {@code delay} after the
 * event's start (after the sale for a ticket without an event), so that a buyer who was refused at
 * the door can still be refunded before the seller is paid.
 */
public record PayoutTerms(BigDecimal feePercent, Duration delay) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PayoutTerms {
        Objects.requireNonNull(feePercent, "feePercent");
        Objects.requireNonNull(delay, "delay");
        if (feePercent.signum() < 0 || feePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(
                    "The payout fee is a percentage from 0 to 100: " + feePercent.toPlainString());
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The payout delay must not be negative: " + delay);
        }
    }

    /** The marketplace's cut of {@code amountCents}, in whole cents. */
    public long feeCents(long amountCents) {
        return BigDecimal.valueOf(amountCents)
                .multiply(feePercent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * When a sale made at {@code soldAt} for an event starting at {@code eventStartsAt} pays out.
     */
    public Instant releaseAt(Instant eventStartsAt, Instant soldAt) {
        return (eventStartsAt != null ? eventStartsAt : soldAt).plus(delay);
    }

    /**
     * The payout owed for {@code payment} of {@code order}, to its seller; none when the order
     * names no seller (an order placed before order.created carried one).
     */
    public Optional<Payout> payoutFor(OrderCopy order, Payment payment) {
        if (order.sellerId() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Payout(
                        order.id(),
                        order.ticketId(),
                        order.sellerId(),
                        payment.amountCents(),
                        feeCents(payment.amountCents()),
                        Payout.Status.PENDING,
                        releaseAt(order.eventStartsAt(), payment.createdAt()),
                        payment.createdAt(),
                        null,
                        null));
    }
}
