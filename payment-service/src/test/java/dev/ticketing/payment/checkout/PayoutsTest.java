package dev.ticketing.payment.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.OrderCreated;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.Payout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A release round's order of work, against payouts kept in memory: what a round tries, where it
 * stops, and what it leaves unclaimed. Paying one payout (claim, transfer, record) runs on the real
 * server in PayoutsIT and PayoutCrashIT.
 */
class PayoutsTest {
    /** The time of the rounds; releaseDue() itself reads the clock, so it is the real one. */
    private static final Instant NOW = Instant.now();

    private final DuePayouts store = new DuePayouts();
    private final Map<String, String> accounts = new HashMap<>();
    private final List<String> transfersAsked = new ArrayList<>();

    /**
     * Payouts over {@link #store}, {@code page} a read, a round stopping after {@code failures}.
     */
    private Payouts payouts(int page, int failures, boolean paysOnlyToAnAccount) {
        Payouts payouts = new Payouts();
        payouts.orders = store;
        payouts.page = page;
        payouts.failuresInARow = failures;
        payouts.accounts =
                new PayoutAccounts() {
                    @Override
                    public Optional<String> of(String sellerId) {
                        return Optional.ofNullable(accounts.get(sellerId));
                    }

                    @Override
                    public void set(String sellerId, String accountId) {
                        accounts.put(sellerId, accountId);
                    }
                };
        payouts.gateway = new TransferOnlyGateway(paysOnlyToAnAccount);
        return payouts;
    }

    /** A payout of {@code orderId}, due {@code minutesAgo} before {@link #NOW}. */
    private void due(String orderId, int minutesAgo) {
        due(orderId, minutesAgo, Payout.Status.PENDING);
    }

    private void due(String orderId, int minutesAgo, Payout.Status status) {
        store.add(
                new Payout(
                        orderId,
                        "ticket-" + orderId,
                        "seller-" + orderId,
                        1000,
                        100,
                        status,
                        NOW.minusSeconds(60L * minutesAgo),
                        NOW.minusSeconds(86_400),
                        null,
                        null));
    }

    /** A round in which the orders in {@code failing} fail and the others are paid. */
    private static int round(Payouts payouts, Set<String> failing, List<String> tried) {
        return payouts.releaseDue(
                NOW,
                copy -> {
                    tried.add(copy.id());
                    return failing.contains(copy.id()) ? Payouts.Tried.FAILED : Payouts.Tried.PAID;
                });
    }

    @Test
    void aRoundStopsAfterFailuresInARowAndTheNextGoesOnAfterTheLastOneTried() {
        for (int i = 1; i <= 5; i++) {
            due("f" + i, 100 - i);
        }
        due("g", 10);
        Payouts payouts = payouts(2, 3, false);
        Set<String> failing = Set.of("f1", "f2", "f3", "f4", "f5");

        List<String> first = new ArrayList<>();
        assertEquals(0, round(payouts, failing, first));
        assertEquals(List.of("f1", "f2", "f3"), first, "stops after three in a row");

        List<String> second = new ArrayList<>();
        assertEquals(1, round(payouts, failing, second));
        assertEquals(List.of("f4", "f5", "g"), second, "goes on after the last one tried");

        List<String> third = new ArrayList<>();
        assertEquals(0, round(payouts, failing, third));
        assertEquals(List.of("f1", "f2", "f3"), third, "a round that ran out starts again");
    }

    @Test
    void aPaidPayoutBetweenFailuresStartsTheCountAgain() {
        due("f1", 50);
        due("f2", 40);
        due("p", 30);
        due("f3", 20);
        due("f4", 10);
        List<String> tried = new ArrayList<>();

        assertEquals(1, round(payouts(2, 3, false), Set.of("f1", "f2", "f3", "f4"), tried));

        assertEquals(List.of("f1", "f2", "p", "f3", "f4"), tried);
    }

    @Test
    void aSellerWithoutAnAccountIsNotClaimedWhenTheGatewayPaysOnlyToAccounts() {
        due("order-1", 5);
        Payouts payouts = payouts(200, 10, true);

        assertEquals(0, payouts.releaseDue());

        assertEquals(List.of(), store.claimed, "not claimed: a refund may still cancel it");
        assertEquals(List.of(), transfersAsked, "the gateway is not asked");
        assertEquals(Payout.Status.PENDING, store.find("order-1").orElseThrow().payout().status());

        payouts.setAccount("seller-order-1", "acct_1PayoutsTest");
        payouts.releaseDue();
        assertEquals(List.of("order-1"), store.claimed, "claimed on the round after it is named");
    }

    @Test
    void aPayoutClaimedWithoutAnAccountWaitsForOneInsteadOfFailing() {
        // Claimed before the rule above existed: with a gateway that pays only to accounts, no
        // transfer was made, so asking again can only fail; it must not count as a failure either.
        due("claimed-1", 30, Payout.Status.TRANSFERRING);
        due("claimed-2", 20, Payout.Status.TRANSFERRING);
        due("named", 10);
        accounts.put("seller-named", "acct_1Named");
        Payouts payouts = payouts(200, 1, true);

        payouts.releaseDue();

        assertEquals(List.of(), transfersAsked, "the gateway is not asked without an account");
        assertEquals(List.of("named"), store.claimed, "the round did not stop at them");

        accounts.put("seller-claimed-1", "acct_1Claimed");
        payouts.releaseDue();
        assertEquals(
                List.of("claimed-1 to acct_1Claimed"),
                transfersAsked,
                "finished once its seller names an account");
    }

    @Test
    void aTryReadsTheSellersAccountOnceAndTransfersToWhatItRead() {
        due("order-1", 5);
        store.claimsWin = true;
        Payouts payouts = payouts(200, 10, true);
        List<String> reads = new ArrayList<>();
        payouts.accounts =
                new PayoutAccounts() {
                    @Override
                    public Optional<String> of(String sellerId) {
                        // The seller names another account while the try runs.
                        reads.add(sellerId);
                        return Optional.of(reads.size() == 1 ? "acct_1Read" : "acct_1Later");
                    }

                    @Override
                    public void set(String sellerId, String accountId) {}
                };

        payouts.releaseDue();

        assertEquals(List.of("order-1"), store.claimed);
        assertEquals(List.of("seller-order-1"), reads, "one read a try");
        assertEquals(
                List.of("order-1 to acct_1Read"),
                transfersAsked,
                "the transfer goes to the account the claim was decided on");
    }

    /** The due payouts, kept in memory and read in a release round's order: release time, id. */
    private static final class DuePayouts implements OrderCopies {
        private static final Comparator<OrderCopy> ROUND =
                Comparator.comparing((OrderCopy c) -> c.payout().releaseAt())
                        .thenComparing(OrderCopy::id);

        private final Map<String, OrderCopy> copies = new HashMap<>();
        final List<String> claimed = new ArrayList<>();

        /** Whether a claim wins (the payout turns transferring) or loses to another server. */
        boolean claimsWin;

        void add(Payout payout) {
            copies.put(
                    payout.orderId(),
                    new OrderCopy(
                            payout.orderId(),
                            2,
                            OrderStatus.COMPLETE,
                            "buyer",
                            payout.amountCents(),
                            payout.ticketId(),
                            payout.sellerId(),
                            null,
                            null,
                            payout));
        }

        @Override
        public List<OrderCopy> duePayouts(Instant now, OrderCopy after, int limit) {
            return copies.values().stream()
                    .filter(c -> !c.payout().releaseAt().isAfter(now))
                    .filter(c -> after == null || ROUND.compare(c, after) > 0)
                    .sorted(ROUND)
                    .limit(limit)
                    .toList();
        }

        @Override
        public Optional<OrderCopy> find(String orderId) {
            return Optional.ofNullable(copies.get(orderId));
        }

        @Override
        public Optional<OrderCopy> claimPayout(String orderId, Instant now) {
            claimed.add(orderId);
            if (!claimsWin) {
                return Optional.empty();
            }
            OrderCopy copy = copies.get(orderId);
            Payout p = copy.payout();
            OrderCopy won =
                    new OrderCopy(
                            copy.id(),
                            copy.version(),
                            copy.status(),
                            copy.userId(),
                            copy.priceCents(),
                            copy.ticketId(),
                            copy.sellerId(),
                            copy.eventStartsAt(),
                            copy.payment(),
                            new Payout(
                                    p.orderId(),
                                    p.ticketId(),
                                    p.sellerId(),
                                    p.amountCents(),
                                    p.feeCents(),
                                    Payout.Status.TRANSFERRING,
                                    p.releaseAt(),
                                    p.createdAt(),
                                    p.transferId(),
                                    p.paidAt()));
            copies.put(orderId, won);
            return Optional.of(won);
        }

        @Override
        public String newPaymentId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean insertCreated(OrderCreated order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean fillIn(OrderCreated order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OrderCopy> applyStatus(String orderId, long version, OrderStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean insertFromStatus(String orderId, long version, OrderStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OrderCopy> recordPayment(
                Payment payment, Payout payout, List<EventPayload> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordRefund(String orderId, String refundId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cancelPayout(String orderId, EventPayload event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean recordPayoutPaid(
                String orderId, String transferId, Instant paidAt, EventPayload event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Payout> payoutsOf(String sellerId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void relayEvents(String orderId) {
            throw new UnsupportedOperationException();
        }
    }

    /** A gateway that only records the transfers it is asked for, and refuses them. */
    private final class TransferOnlyGateway implements PaymentGateway {
        private final boolean paysOnlyToAnAccount;

        TransferOnlyGateway(boolean paysOnlyToAnAccount) {
            this.paysOnlyToAnAccount = paysOnlyToAnAccount;
        }

        @Override
        public boolean paysOnlyToAnAccount() {
            return paysOnlyToAnAccount;
        }

        @Override
        public String transfer(TransferRequest request) {
            transfersAsked.add(request.orderId() + " to " + request.destination());
            throw new GatewayUnavailable("asked to transfer " + request.orderId(), null);
        }

        @Override
        public Charge charge(ChargeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String refund(String chargeId, String idempotencyKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String name() {
            return "test";
        }
    }
}
