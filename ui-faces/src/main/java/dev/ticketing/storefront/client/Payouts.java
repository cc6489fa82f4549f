package dev.ticketing.storefront.client;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seller's payouts as payment-service lists them (docs/api.md, "Delivery and payouts"): newest
 * first, with the totals still to come and paid, and the connected account they go to. Money comes
 * as strings with two places; the getters are for the pages (Jakarta EL 5 reads bean properties,
 * not record components).
 */
public record Payouts(List<Payout> payouts, String pending, String paid, String account) {

    /** One sale's payout: what the buyer paid, the marketplace's fee, the seller's net. */
    public record Payout(
            String ticketId,
            String orderId,
            String amount,
            String fee,
            String net,
            String status,
            String releaseAt,
            String paidAt) {

        public String getTicketId() {
            return ticketId;
        }

        public String getOrderId() {
            return orderId;
        }

        public BigDecimal getAmount() {
            return money(amount);
        }

        public BigDecimal getFee() {
            return money(fee);
        }

        public BigDecimal getNet() {
            return money(net);
        }

        public String getStatus() {
            return status;
        }

        public String getReleaseAt() {
            return releaseAt;
        }

        public String getPaidAt() {
            return paidAt;
        }
    }

    public List<Payout> getPayouts() {
        return payouts == null ? List.of() : payouts;
    }

    public BigDecimal getPending() {
        return money(pending);
    }

    public BigDecimal getPaid() {
        return money(paid);
    }

    public String getAccount() {
        return account;
    }

    /** An amount of the API ("72.45"); null when absent or not a number. */
    static BigDecimal money(String amount) {
        try {
            return amount == null ? null : new BigDecimal(amount);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
