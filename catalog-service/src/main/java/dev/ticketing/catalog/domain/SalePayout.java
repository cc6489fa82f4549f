package dev.ticketing.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

/**
 * What the seller of a sold listing is paid for it, as payment-service announced it (docs/api.md,
 * "Delivery and payouts"): the price, the marketplace's fee, the net, whether it is pending, paid
 * or cancelled, and when it is released. The catalog's copy, for the seller's dashboard; any part
 * an event did not carry yet is null.
 */
public record SalePayout(
        String orderId,
        String ticketId,
        BigDecimal amount,
        BigDecimal fee,
        BigDecimal net,
        Status status,
        Instant releaseAt) {

    /** Pending until paid; paid and cancelled are final. */
    public enum Status {
        PENDING("pending"),
        PAID("paid"),
        CANCELLED("cancelled");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Status of(String wireName) {
            return Arrays.stream(values())
                    .filter(s -> s.wireName.equals(wireName))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "Unknown payout status: " + wireName));
        }
    }
}
