package dev.ticketing.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stripe idempotency keys, derived from the order so a retried or double-submitted request gets
 * Stripe's stored answer instead of a second charge. The charge key also names the payment method:
 * Stripe replays the first answer of a key for 24 h, declines included, so a key of the order alone
 * would decline forever a buyer who retries with another card after a decline.
 */
public final class IdempotencyKeys {
    private IdempotencyKeys() {}

    public static String charge(String orderId, String paymentMethod) {
        return "ticketing-charge-" + orderId + "-" + shortHash(paymentMethod);
    }

    /** One refund per charge: retrying a refund never refunds twice. */
    public static String refund(String orderId, String chargeId) {
        return "ticketing-refund-" + orderId + "-" + chargeId;
    }

    /** One transfer per payout (one payout per order): a repeated transfer is the same one. */
    public static String payout(String orderId) {
        return "ticketing-payout-" + orderId;
    }

    private static String shortHash(String value) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
