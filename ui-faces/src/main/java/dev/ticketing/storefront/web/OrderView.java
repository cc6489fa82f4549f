package dev.ticketing.storefront.web;

import dev.ticketing.storefront.client.Order;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An order as the pages speak of it: what its status means to a buyer, and how long is left to pay.
 * docs/api.md's statuses: created (holding the ticket), awaiting:payment, complete (paid),
 * cancelled (by the buyer, or expired). The API does not say which of the last two happened, so a
 * cancelled order whose time had run out reads as expired.
 */
public final class OrderView {
    private final Order order;
    private final Instant now;

    public OrderView(Order order, Clock clock) {
        this.order = order;
        this.now = clock.instant();
    }

    public Order getOrder() {
        return order;
    }

    public String getId() {
        return order.id();
    }

    public String getTitle() {
        return order.ticket() == null ? "" : order.ticket().title();
    }

    public BigDecimal getPrice() {
        return order.ticket() == null ? null : order.ticket().price();
    }

    public String getTicketId() {
        return order.ticket() == null ? null : order.ticket().id();
    }

    public Instant getExpiresAt() {
        try {
            return order.expiresAt() == null ? null : Instant.parse(order.expiresAt());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The deadline as the API gave it (ISO-8601), for the countdown script. */
    public String getExpiresAtText() {
        return order.expiresAt();
    }

    public long getSecondsLeft() {
        Instant expiresAt = getExpiresAt();
        if (expiresAt == null) {
            return 0;
        }
        long millis = Duration.between(now, expiresAt).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    /** "m:ss" (or "h:mm:ss"), what the countdown shows before the script takes over. */
    public String getTimeLeft() {
        return countdown(getSecondsLeft());
    }

    static String countdown(long seconds) {
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }

    public long getServerNowMillis() {
        return now.toEpochMilli();
    }

    public boolean isPaid() {
        return "complete".equals(order.status());
    }

    public boolean isPaying() {
        return "awaiting:payment".equals(order.status());
    }

    /** Holding the ticket, with time left: the buyer can pay (or cancel). */
    public boolean isPayable() {
        return "created".equals(order.status()) && getSecondsLeft() > 0;
    }

    /**
     * Out of time: cancelled after its deadline, or still "created" past it (expiry is on its way).
     */
    public boolean isExpired() {
        boolean pastDeadline = getSecondsLeft() == 0;
        return pastDeadline
                && ("cancelled".equals(order.status()) || "created".equals(order.status()));
    }

    public boolean isCancelled() {
        return "cancelled".equals(order.status()) && !isExpired();
    }

    public String getStatusLabel() {
        if (isPaid()) {
            return "Paid";
        }
        if (isPaying()) {
            return "Payment in progress";
        }
        if (isExpired()) {
            return "Expired";
        }
        if (isCancelled()) {
            return "Cancelled";
        }
        return "Awaiting payment";
    }

    /** The Bootstrap badge colour of the status. */
    public String getStatusStyle() {
        if (isPaid()) {
            return "text-bg-success";
        }
        if (isExpired() || isCancelled()) {
            return "text-bg-secondary";
        }
        return "text-bg-warning";
    }
}
