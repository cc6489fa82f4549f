package dev.ticketing.payment.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One try at charging for an order, written before the gateway is called and moved on as its
 * outcome is learnt, so that a crash or an outage at any step leaves a record to finish from
 * (docs/architecture.md, "Payments"). Its key is the gateway's idempotency key: asking the gateway
 * again with it never charges twice, it returns what happened.
 *
 * @param chargeId the gateway's charge once known (Stripe: the PaymentIntent)
 * @param outcome the decline message, or the refund id, once known
 */
public record PaymentAttempt(
        String key,
        String orderId,
        String buyerId,
        long amountCents,
        String currency,
        String paymentMethod,
        State state,
        String chargeId,
        String outcome,
        Instant updatedAt) {

    /** Where an attempt stands. Only the last three are final. */
    public enum State {
        /** Written, the gateway asked (or about to be): its answer is not recorded yet. */
        PENDING,
        /** The gateway charged; the payment is not recorded on the order yet. */
        CHARGED,
        /** Charged, but the order could no longer take it: the charge must be given back. */
        REFUND_OWED,
        /** Charged and recorded as the order's payment. */
        RECORDED,
        /** The gateway declined the card: nothing was charged. */
        DECLINED,
        /** Charged and given back. */
        REFUNDED;

        public boolean isFinal() {
            return this == RECORDED || this == DECLINED || this == REFUNDED;
        }

        /**
         * The states an attempt may move to this one from: only forward, never out of a final
         * state. A step decided on an old read (a gateway call that outlived the reconciler's
         * finishing of the same attempt) then cannot undo a later one, such as a refund owed.
         */
        public Set<State> movesFrom() {
            return switch (this) {
                case PENDING -> Set.of();
                case CHARGED, DECLINED -> Set.of(PENDING);
                case REFUND_OWED, RECORDED -> Set.of(PENDING, CHARGED);
                case REFUNDED -> Set.of(PENDING, CHARGED, REFUND_OWED);
            };
        }
    }

    /** The request the gateway is (or was) asked, always the same for this key. */
    public boolean isFinal() {
        return state.isFinal();
    }
}
