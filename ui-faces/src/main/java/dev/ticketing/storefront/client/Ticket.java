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
        Boolean hasFile) {

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
