package dev.ticketing.payment.checkout;

import java.time.Instant;

/**
 * Where money moves. Every call carries an idempotency key, so repeating it never moves money
 * twice.
 */
public interface PaymentGateway {

    /**
     * What to charge: {@code amountCents} of {@code currency} with the buyer's token or payment
     * method. {@code askedSince} is when this key was first sent (its attempt was written), null
     * for a first ask: a key asked again long after may have been forgotten by the gateway.
     */
    record ChargeRequest(
            String orderId,
            long amountCents,
            String currency,
            String paymentMethod,
            String idempotencyKey,
            Instant askedSince) {

        /** A charge asked for the first time. */
        public ChargeRequest(
                String orderId,
                long amountCents,
                String currency,
                String paymentMethod,
                String idempotencyKey) {
            this(orderId, amountCents, currency, paymentMethod, idempotencyKey, null);
        }
    }

    /** A charge that succeeded; {@code id} is the gateway's (Stripe: the PaymentIntent id). */
    record Charge(String id, long amountCents, String currency) {}

    /**
     * Charges and confirms at once; the same key again answers the same charge, also after the
     * gateway forgot the key.
     *
     * @throws CardDeclined when the card was declined (the reason is the card issuer's, for the
     *     buyer)
     * @throws GatewayUnavailable when the gateway could not be reached or failed
     */
    Charge charge(ChargeRequest request);

    /** Gives back the whole charge {@code chargeId}; returns the refund's id. */
    String refund(String chargeId, String idempotencyKey);

    /**
     * What to pay a seller: {@code amountCents} of {@code currency} for the sale of {@code orderId}
     * to {@code destination}, the seller's account at the gateway (Stripe Connect: {@code
     * acct_...}; null when the seller has none, which the simulated gateway does not need).
     */
    record TransferRequest(
            String orderId,
            String sellerId,
            String destination,
            long amountCents,
            String currency,
            String idempotencyKey) {}

    /**
     * Transfers money to a seller; returns the transfer's id (Stripe: the Transfer id). The same
     * key again answers the same transfer.
     *
     * @throws GatewayUnavailable when the gateway failed or cannot pay this seller yet
     */
    String transfer(TransferRequest request);

    /**
     * Whether a seller is paid only to a connected account they named (Stripe Connect): a payout of
     * a seller without one is not claimed, so it waits as pending until they name one.
     */
    default boolean paysOnlyToAnAccount() {
        return false;
    }

    /** A name for logs and readiness: "stripe" or "simulated". */
    String name();

    /** The card or the payment method was refused; the message is meant for the buyer. */
    class CardDeclined extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CardDeclined(String message) {
            super(message, null, false, false);
        }
    }

    /** The gateway failed for a reason that is not the buyer's: retrying later may work. */
    class GatewayUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public GatewayUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
