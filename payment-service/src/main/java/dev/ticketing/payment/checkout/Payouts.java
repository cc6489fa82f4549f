package dev.ticketing.payment.checkout;

import dev.ticketing.common.events.PayoutCancelled;
import dev.ticketing.common.events.PayoutCreated;
import dev.ticketing.common.events.PayoutReleased;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.Payout;
import dev.ticketing.payment.domain.PayoutTerms;
import dev.ticketing.store.outbox.CrashPoint;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sellers' payouts (docs/api.md, "Delivery and payouts"; docs/architecture.md, "Payouts"). A
 * payout is written with the payment it comes from, in the same conditional write; a refund cancels
 * it while it is pending; once its release time has passed and the order is complete it is paid in
 * three steps, each safe to repeat after a crash:
 *
 * <ol>
 *   <li>claim: pending → transferring, only while the order is complete, so no refund can cancel a
 *       payout whose money is moving;
 *   <li>transfer through the gateway with the payout's own idempotency key (a repeat is the same
 *       transfer);
 *   <li>record: transferring → paid with the transfer's id, and payout.released in the outbox.
 * </ol>
 *
 * A crash between the steps leaves the payout transferring, which the next release round finishes
 * with the same key: exactly one transfer, exactly one payout.released.
 */
@ApplicationScoped
public class Payouts {
    private static final Logger LOG = Logger.getLogger(Payouts.class.getName());

    @Inject OrderCopies orders;

    @Inject PaymentGateway gateway;

    @Inject PayoutAccounts accounts;

    /** The marketplace's cut, a percentage of the price (PAYOUTS_FEE_PERCENT). */
    @Inject
    @ConfigProperty(name = "payouts.fee.percent", defaultValue = "10")
    BigDecimal feePercent;

    /**
     * How many due payouts a release round reads at a time (PAYOUTS_RELEASE_PAGE); a round reads
     * page after page until it has seen every payout due.
     */
    @Inject
    @ConfigProperty(name = "payouts.release.page", defaultValue = "200")
    int page;

    /**
     * After this many payouts in a row fail, a round stops (PAYOUTS_RELEASE_FAILURES): the gateway
     * is probably away, and each try can take its whole timeout. The next round goes on after the
     * last one tried, so the payouts behind them are not left waiting on the same failures.
     */
    @Inject
    @ConfigProperty(name = "payouts.release.failures", defaultValue = "10")
    int failuresInARow;

    /**
     * How long after the event's start (or the sale) a payout is released (PAYOUTS_RELEASE_DELAY).
     */
    @Inject
    @ConfigProperty(name = "payouts.release.delay", defaultValue = "P2D")
    Duration delay;

    private PayoutTerms terms;

    /** Where the next round starts when the last one stopped on failures; null: from the first. */
    private final AtomicReference<OrderCopy> resumeAfter = new AtomicReference<>();

    /** Fails the deployment on terms that cannot be right (a negative fee, a fee above 100 %). */
    @PostConstruct
    void checkTerms() {
        terms = new PayoutTerms(feePercent, delay);
        if (page < 1) {
            throw new IllegalArgumentException(
                    "payouts.release.page must be at least 1, not " + page);
        }
        if (failuresInARow < 1) {
            throw new IllegalArgumentException(
                    "payouts.release.failures must be at least 1, not " + failuresInARow);
        }
    }

    /** The terms sellers are paid on: the fee and the release delay. */
    public PayoutTerms terms() {
        return terms;
    }

    /** What the seller of {@code order} is owed for {@code payment}; none without a seller. */
    Optional<Payout> owedFor(OrderCopy order, Payment payment) {
        return terms.payoutFor(order, payment);
    }

    /** The payouts of {@code sellerId}, newest sale first. */
    public List<Payout> of(String sellerId) {
        return orders.payoutsOf(sellerId);
    }

    /** The connected account {@code sellerId} is paid to, if they named one. */
    public Optional<String> accountOf(String sellerId) {
        return accounts.of(sellerId);
    }

    /**
     * {@code sellerId} is paid to {@code accountId} from now on: payouts waiting for an account are
     * paid on the next round.
     */
    public void setAccount(String sellerId, String accountId) {
        accounts.set(sellerId, accountId);
    }

    /**
     * The order was cancelled after it was paid, so its sale is refunded: its payout, while still
     * pending, is cancelled with payout.cancelled. Idempotent.
     */
    void cancelFor(OrderCopy order) {
        Payout payout = order.payout();
        if (order.status() != OrderStatus.CANCELLED
                || payout == null
                || payout.status() != Payout.Status.PENDING) {
            return;
        }
        if (orders.cancelPayout(
                order.id(),
                new PayoutCancelled(payout.orderId(), payout.ticketId(), payout.sellerId()))) {
            CrashPoint.afterWrite("payout.cancel");
            orders.relayEvents(order.id());
            LOG.info(() -> "payout of order " + order.id() + " cancelled: the sale was refunded");
        }
    }

    /**
     * Pays every payout due now; how many were paid. Every due payout is tried, page after page:
     * payouts that fail round after round (a transfer Stripe refuses) stay at the front of the
     * order and would otherwise fill every round's only page. A round that meets {@link
     * #failuresInARow} failures in a row stops there, and the next round starts after the last
     * payout it tried; the ones before that wait one more round.
     */
    public int releaseDue() {
        Instant now = Instant.now();
        return releaseDue(now, payout -> tryRelease(payout, now));
    }

    /** A round over the payouts due at {@code now}, each tried by {@code attempt}. */
    int releaseDue(Instant now, Function<OrderCopy, Tried> attempt) {
        int paid = 0;
        int failed = 0;
        OrderCopy last = resumeAfter.getAndSet(null);
        List<OrderCopy> due;
        do {
            due = orders.duePayouts(now, last, page);
            for (OrderCopy payout : due) {
                last = payout;
                switch (attempt.apply(payout)) {
                    case PAID -> {
                        paid++;
                        failed = 0;
                    }
                    case FAILED -> failed++;
                    case WAITING -> {}
                }
                if (failed == failuresInARow) {
                    resumeAfter.set(last);
                    LOG.warning(
                            "payouts: "
                                    + failed
                                    + " failed in a row, the gateway is probably away; the next"
                                    + " round goes on after order "
                                    + last.id());
                    return paid;
                }
            }
        } while (due.size() == page);
        return paid;
    }

    /** What one try of a due payout came to. */
    enum Tried {
        PAID,
        /** Not this round's to pay: no account yet, cancelled, or claimed by another server. */
        WAITING,
        /** The gateway or the store failed; it stays due. */
        FAILED
    }

    private Tried tryRelease(OrderCopy due, Instant now) {
        try {
            return release(due, now) ? Tried.PAID : Tried.WAITING;
        } catch (RuntimeException e) {
            // The gateway or the store failed for this one: it stays due, the others go on.
            LOG.log(
                    Level.WARNING,
                    "payout of order " + due.id() + " not released yet: " + e,
                    (Throwable) null);
            return Tried.FAILED;
        }
    }

    private boolean release(OrderCopy due, Instant now) {
        // Read once: the account this round pays to, whether it is claimed now or was before.
        Optional<String> account = accounts.of(due.payout().sellerId());
        OrderCopy claimed;
        if (gateway.paysOnlyToAnAccount() && account.isEmpty()) {
            // Money that cannot move yet is not claimed: it stays pending, so a refund can still
            // cancel it, and it is paid on the first round after the seller names an account. A
            // payout claimed without one (before this rule) made no transfer either: it waits too,
            // instead of failing at the gateway every round.
            LOG.fine(() -> "payout of order " + due.id() + " waits for the seller's account");
            return false;
        } else if (due.payout().status() == Payout.Status.TRANSFERRING) {
            claimed = due; // a transfer a crash or a failure interrupted: finish it
        } else {
            Optional<OrderCopy> won = orders.claimPayout(due.id(), now);
            if (won.isEmpty()) {
                return false; // cancelled, or another server claimed it
            }
            claimed = won.get();
            CrashPoint.afterWrite("payout.claim");
        }
        Payout payout = claimed.payout();
        String transferId =
                gateway.transfer(
                        new PaymentGateway.TransferRequest(
                                payout.orderId(),
                                payout.sellerId(),
                                account.orElse(null),
                                payout.netCents(),
                                Checkout.CURRENCY,
                                payout.transferKey()));
        CrashPoint.afterWrite("payout.transfer");
        boolean recorded =
                orders.recordPayoutPaid(
                        payout.orderId(),
                        transferId,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        new PayoutReleased(
                                payout.orderId(),
                                payout.ticketId(),
                                payout.sellerId(),
                                units(payout.amountCents()),
                                units(payout.feeCents()),
                                units(payout.netCents()),
                                Checkout.CURRENCY,
                                transferId));
        if (recorded) {
            orders.relayEvents(payout.orderId());
            LOG.info(
                    () ->
                            "payout of order "
                                    + payout.orderId()
                                    + " paid to seller "
                                    + payout.sellerId()
                                    + ": "
                                    + payout.netCents()
                                    + " cents ("
                                    + gateway.name()
                                    + " "
                                    + transferId
                                    + ")");
        }
        return recorded;
    }

    /** payout.created: what the catalog shows on the seller's listing until it is paid. */
    static PayoutCreated created(Payout payout) {
        return new PayoutCreated(
                payout.orderId(),
                payout.ticketId(),
                payout.sellerId(),
                units(payout.amountCents()),
                units(payout.feeCents()),
                units(payout.netCents()),
                payout.releaseAt());
    }

    /** Cents as the events and the API write money: units with two places. */
    public static BigDecimal units(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
