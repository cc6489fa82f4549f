package dev.ticketing.payment.checkout;

import dev.ticketing.payment.domain.PaymentAttempt;
import dev.ticketing.payment.domain.PaymentAttempt.State;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payment attempts, one per idempotency key, each step written before or right after the
 * gateway call it concerns: the port checkout owns and the store package implements.
 */
public interface PaymentAttempts {

    /**
     * Writes a new attempt unless one with its key exists; the attempt as stored either way (a
     * retried request finds the first one, and its outcome if already known).
     */
    PaymentAttempt begin(PaymentAttempt attempt);

    Optional<PaymentAttempt> find(String key);

    /** The attempt that charged {@code chargeId}, if one did. */
    Optional<PaymentAttempt> ofCharge(String chargeId);

    /** Moves the attempt to {@code state} (with what was learnt), unless it is final already. */
    void move(String key, State state, String chargeId, String outcome);

    /** Unfinished attempts not moved since {@code before}, oldest first: the reconciler's work. */
    List<PaymentAttempt> unfinishedSince(Instant before, int max);
}
