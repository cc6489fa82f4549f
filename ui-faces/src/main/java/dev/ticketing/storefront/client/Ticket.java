package dev.ticketing.storefront.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ticket as catalog-service shows it; {@code orderId} is set while an order holds it (and stays
 * once sold), {@code event} and {@code seat} are null when the seller named none, {@code soldAt}
 * until it is sold; {@code hasFile} whether the seller attached the ticket itself. The getters are
 * for the pages: Jakarta EL 5 (EE 10) reads bean properties, not record components.
 */
public record Ticket(
        String id,
        String title,
        BigDecimal price,
        String userId,
        Long version,
        String orderId,
        String state,
        Instant soldAt,
        ListedEvent event,
        ListedSeat seat,
        Boolean hasFile,
        Payout payout) {

    /**
     * What the seller is paid for the sale (only on their own sold listings): amounts with two
     * places, status pending, paid or cancelled, and when it is released.
     */
    public record Payout(
            String orderId,
            String amount,
            String fee,
            String net,
            String status,
            Instant releaseAt) {

        public BigDecimal getNet() {
            return Payouts.money(net);
        }

        public String getStatus() {
            return status;
        }

        public Instant getReleaseAt() {
            return releaseAt;
        }

        /** "pending", "paid" or "cancelled" in the seller's words. */
        public String getLabel() {
            return switch (status == null ? "" : status) {
                case "paid" -> "paid";
                case "cancelled" -> "cancelled: the sale was refunded";
                default -> "pending";
            };
        }
    }

    public Payout getPayout() {
        return payout;
    }

    /** Whether the seller attached the ticket itself. */
    public boolean isHasFile() {
        return Boolean.TRUE.equals(hasFile);
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    /** {@code on-sale}, {@code reserved}, {@code sold} or {@code withdrawn}. */
    public String getState() {
        if (state != null) {
            return state;
        }
        return isReserved() ? "reserved" : "on-sale";
    }

    public Instant getSoldAt() {
        return soldAt;
    }

    public ListedEvent getEvent() {
        return event;
    }

    public ListedSeat getSeat() {
        return seat;
    }

    public boolean isReserved() {
        return orderId != null && !orderId.isBlank();
    }

    /** Only an on-sale listing can be withdrawn. */
    public boolean isWithdrawable() {
        return "on-sale".equals(getState());
    }

    public boolean isOwnedBy(String userId) {
        return userId != null && userId.equals(this.userId);
    }

    /** What the ticket is for. */
    public record ListedEvent(String name, String venue, String city, Instant startsAt) {
        public String getName() {
            return name;
        }

        public String getVenue() {
            return venue;
        }

        public String getCity() {
            return city;
        }

        public Instant getStartsAt() {
            return startsAt;
        }
    }

    /** Where it sits; unknown parts are null. */
    public record ListedSeat(String section, String row, String number) {
        /** "Section A · Row 3 · Seat 14", the known parts only. */
        public String getLabel() {
            StringBuilder label = new StringBuilder();
            append(label, "Section", section);
            append(label, "Row", row);
            append(label, "Seat", number);
            return label.toString();
        }

        private static void append(StringBuilder label, String name, String value) {
            if (value != null && !value.isBlank()) {
                if (!label.isEmpty()) {
                    label.append(" · ");
                }
                label.append(name).append(' ').append(value);
            }
        }
    }
}
