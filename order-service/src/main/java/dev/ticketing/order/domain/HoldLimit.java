package dev.ticketing.order.domain;

import dev.ticketing.common.errors.BusinessRuleException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * How many tickets one buyer may hold at once (docs/api.md, "Hardening"): each open order takes one
 * of the buyer's {@code max} hold slots and gives it back when it is paid, cancelled or expires. A
 * slot is a number, so the store can make "two open orders in one slot" impossible with a unique
 * index instead of a count that two concurrent orders could both read as "room".
 *
 * <p>And letting a ticket go does not renew a hold: a buyer who cancels may order the same ticket
 * again only once the cancelled hold would have ended, so cancel-and-re-order cannot keep a ticket
 * off the market.
 */
public record HoldLimit(int max) {

    public HoldLimit {
        if (max < 1) {
            throw new IllegalArgumentException(
                    "a buyer must be able to hold at least one ticket, not " + max);
        }
    }

    /** The lowest slot not in {@code used}; empty when the buyer holds {@code max} tickets. */
    public OptionalInt freeSlot(Collection<Integer> used) {
        for (int slot = 0; slot < max; slot++) {
            if (!used.contains(slot)) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    /** The refusal when every slot is taken. */
    public BusinessRuleException full() {
        return new BusinessRuleException(
                "You already hold "
                        + max
                        + " "
                        + (max == 1 ? "ticket" : "tickets")
                        + "; pay for or cancel one first");
    }

    /**
     * Refuses a re-order of a ticket while a hold on it that this buyer cancelled would still be
     * running. {@code earlier} are the buyer's previous orders of that ticket.
     */
    public static void checkReorder(List<Order> earlier, Instant now) {
        earlier.stream()
                .filter(o -> o.status() == OrderStatus.CANCELLED && o.expiresAt().isAfter(now))
                .map(Order::expiresAt)
                .max(Instant::compareTo)
                .ifPresent(
                        until -> {
                            throw new BusinessRuleException(
                                    "You let this ticket go; you can order it again after "
                                            + until.truncatedTo(ChronoUnit.SECONDS)
                                            + " (when your hold would have ended)");
                        });
    }
}
