package dev.ticketing.storefront.client;

import java.math.BigDecimal;

/**
 * A ticket as catalog-service lists it; {@code orderId} is set while an order holds it. The getters
 * are for the pages: Jakarta EL 5 (EE 10) reads bean properties, not record components.
 */
public record Ticket(
        String id, String title, BigDecimal price, String userId, Long version, String orderId) {

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public boolean isReserved() {
        return orderId != null && !orderId.isBlank();
    }

    public boolean isOwnedBy(String userId) {
        return userId != null && userId.equals(this.userId);
    }
}
