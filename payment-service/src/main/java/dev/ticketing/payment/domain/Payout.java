package dev.ticketing.payment.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the marketplace owes the seller of one sale (docs/api.md, "Delivery and payouts"): the
 * buyer's {@code amountCents}, less the marketplace's {@code feeCents}, is {@code netCents},
 * transferred to the seller once {@code releaseAt} has passed and the order is complete. One per
 * paid order, kept on the order's copy; integer cents throughout.
 */
public record Payout(
        String orderId,
        String ticketId,
        String sellerId,
        long amountCents,
        long feeCents,
        Status status,
        Instant releaseAt,
        Instant createdAt,
        String transferId,
        Instant paidAt) {

    /** Where a payout stands. */
    public enum Status {
        /** Owed, waiting for its release time (and for the order to be complete). */
        PENDING("pending"),
        /**
         * Claimed for its transfer: no cancellation may take it any more. Shown as pending until
         * the gateway's transfer is recorded; a crash here is finished with the same key.
         */
        TRANSFERRING("transferring"),
        /** Transferred to the seller, once. */
        PAID("paid"),
        /** The sale was refunded: never paid. */
        CANCELLED("cancelled");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** The status as the API shows it: a payout being transferred is still pending. */
        public String shown() {
            return this == TRANSFERRING ? PENDING.value : value;
        }

        public static Status of(String value) {
            return Arrays.stream(values())
                    .filter(s -> s.value.equals(value))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException("Unknown payout status: " + value));
        }
    }

    public Payout {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(releaseAt, "releaseAt");
        if (amountCents <= 0 || feeCents < 0 || feeCents > amountCents) {
            throw new IllegalArgumentException(
                    "A payout's fee lies between 0 and its amount: "
                            + feeCents
                            + " of "
                            + amountCents);
        }
    }

    /** What the seller receives. */
    public long netCents() {
        return amountCents - feeCents;
    }

    /** Still to be paid (pending, or in its transfer). */
    public boolean isOwed() {
        return status == Status.PENDING || status == Status.TRANSFERRING;
    }

    /**
     * The gateway's idempotency key of this payout's transfer: one per payout, so a transfer
     * repeated after a crash or a lost answer is the same transfer, never a second one.
     */
    public String transferKey() {
        return IdempotencyKeys.payout(orderId);
    }
}
