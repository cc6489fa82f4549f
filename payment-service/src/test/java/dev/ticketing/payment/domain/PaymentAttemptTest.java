package dev.ticketing.payment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payment.domain.PaymentAttempt.State;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An attempt only moves forward: what a late step decided on an old read cannot undo. */
class PaymentAttemptTest {
    /** The order of the steps: pending, then charged, then a refund owed; the rest are final. */
    private static final List<State> FORWARD =
            List.of(State.PENDING, State.CHARGED, State.REFUND_OWED);

    @Test
    void aFinalStateIsNeverLeft() {
        for (State target : State.values()) {
            for (State from : target.movesFrom()) {
                assertFalse(from.isFinal(), from + " -> " + target);
            }
        }
    }

    @Test
    void noStepGoesBack() {
        for (State target : FORWARD) {
            for (State from : target.movesFrom()) {
                assertTrue(
                        FORWARD.indexOf(from) < FORWARD.indexOf(target),
                        from + " -> " + target + " goes back");
            }
        }
    }

    @Test
    void aLateChargedDoesNotUndoARefundOwed() {
        // The API thread's gateway call outlived the reconciler, which found the order cancelled
        // and wrote the refund down: the late "charged" must not erase that debt.
        assertFalse(State.CHARGED.movesFrom().contains(State.REFUND_OWED));
        assertFalse(State.RECORDED.movesFrom().contains(State.REFUND_OWED));
    }

    @Test
    void everyStepCheckoutTakesIsAllowed() {
        assertEquals(Set.of(State.PENDING), State.CHARGED.movesFrom());
        assertEquals(Set.of(State.PENDING), State.DECLINED.movesFrom());
        assertEquals(Set.of(State.PENDING, State.CHARGED), State.RECORDED.movesFrom());
        assertEquals(Set.of(State.PENDING, State.CHARGED), State.REFUND_OWED.movesFrom());
        assertEquals(
                Set.of(State.PENDING, State.CHARGED, State.REFUND_OWED),
                State.REFUNDED.movesFrom());
        assertEquals(Set.of(), State.PENDING.movesFrom());
    }
}
