package dev.ticketing.storefront.client;

import java.math.BigDecimal;

/**
 * The terms sellers are paid on (the marketplace's fee in percent, the release delay) and, for the
 * price asked about, its fee and the seller's net; strings as the API writes them, read by the
 * getters.
 */
public record PayoutTerms(
        String feePercent, String releaseDelay, String price, String fee, String net) {

    /** "10", "12.5". */
    public String getFeePercent() {
        return feePercent;
    }

    public String getReleaseDelay() {
        return releaseDelay;
    }

    public BigDecimal getFee() {
        return Payouts.money(fee);
    }

    public BigDecimal getNet() {
        return Payouts.money(net);
    }
}
