package dev.ticketing.payment.checkout;

import java.util.Optional;

/**
 * Where each seller is paid: their Stripe connected account ({@code acct_...}), which the seller
 * names once Stripe's Connect onboarding gave it to them. The port the store implements.
 */
public interface PayoutAccounts {

    /** The seller's connected account, if they named one. */
    Optional<String> of(String sellerId);

    /** Names (or replaces) the seller's connected account. */
    void set(String sellerId, String accountId);
}
