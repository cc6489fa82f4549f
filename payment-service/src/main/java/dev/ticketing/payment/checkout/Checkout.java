package dev.ticketing.payment.checkout;

import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.payment.checkout.PaymentGateway.Charge;
import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.PaymentAttempt;
import dev.ticketing.payment.domain.PaymentAttempt.State;
import dev.ticketing.payment.domain.PaymentRefused;
import dev.ticketing.payment.domain.Payout;
import dev.ticketing.store.outbox.CrashPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Takes a buyer's payment for an order so that every charge is recorded or refunded, whatever fails
 * when (docs/architecture.md, "Payments"):
 *
 * <ol>
 *   <li>the attempt (order, amount, idempotency key) is written before the gateway is called;
 *   <li>the gateway charges, idempotently by that key; its answer moves the attempt on (CHARGED or
 *       DECLINED);
 *   <li>one conditional write records the charge as the order's payment, with payment.created, only
 *       if the order is still payable (RECORDED); if it is not (it expired while the card was
 *       charged), the refund owed is written first (REFUND_OWED), then the charge is refunded
 *       (REFUNDED).
 * </ol>
 *
 * A crash, a store error or a gateway that failed or hung between any two steps leaves an
 * unfinished attempt, which {@link PaymentReconciler} finishes by asking the gateway again with the
 * same key (it answers what it did, and never charges twice).
 */
@ApplicationScoped
public class Checkout {
    private static final Logger LOG = Logger.getLogger(Checkout.class.getName());
    public static final String CURRENCY = "usd";

    @Inject OrderCopies orders;

    @Inject PaymentAttempts attempts;

    @Inject PaymentGateway gateway;

    @Inject PaymentCounters metrics;

    @Inject Payouts payouts;

    /** What happened to a charge. */
    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED,
        REFUNDED
    }

    /**
     * Pays for {@code orderId} as {@code buyerId}; the order's payment. A repeated request (the
     * same card: the same attempt) gets the payment the first one made, also when Stripe's webhook
     * recorded it first.
     *
     * @throws java.util.NoSuchElementException when payment-service knows no such order
     * @throws PaymentRefused when the rules refuse, or the order expired during the charge
     *     (refunded)
     * @throws PaymentGateway.CardDeclined when the card was declined
     * @throws PaymentGateway.GatewayUnavailable when the gateway failed; the attempt is finished
     *     later
     */
    public Payment pay(String buyerId, String orderId, String paymentMethod) {
        OrderCopy order = orders.find(orderId).orElseThrow();
        String key = IdempotencyKeys.charge(orderId, paymentMethod);
        Optional<Payment> already = paymentOfThisAttempt(order, buyerId, key);
        if (already.isPresent()) {
            return already.get();
        }
        order.checkPayableBy(buyerId);
        PaymentAttempt attempt =
                attempts.begin(
                        new PaymentAttempt(
                                key,
                                orderId,
                                buyerId,
                                order.priceCents(),
                                CURRENCY,
                                paymentMethod,
                                State.PENDING,
                                null,
                                null,
                                Instant.now()));
        CrashPoint.afterWrite("payment.attempt");
        Recorded recorded = finish(attempt);
        return switch (recorded.outcome()) {
            case RECORDED, ALREADY_RECORDED -> recorded.payment();
            case REFUNDED -> throw new PaymentRefused(recorded.reason());
        };
    }

    /**
     * The order's payment, when this buyer's attempt with this key made it: known from the attempt,
     * or, when that attempt never learnt its answer (the webhook recorded the payment first, or the
     * answer was lost), by finishing the attempt, which asks the gateway for that key's charge.
     */
    private Optional<Payment> paymentOfThisAttempt(OrderCopy order, String buyerId, String key) {
        if (order.payment() == null || buyerId == null || !buyerId.equals(order.userId())) {
            return Optional.empty();
        }
        Optional<PaymentAttempt> attempt = attempts.find(key);
        if (attempt.isEmpty()) {
            return Optional.empty();
        }
        if (order.payment().stripeId().equals(attempt.get().chargeId())) {
            return Optional.of(order.payment());
        }
        if (attempt.get().isFinal()) {
            return Optional.empty();
        }
        Recorded finished = finish(attempt.get());
        if (finished.outcome() == Outcome.REFUNDED) {
            throw new PaymentRefused(finished.reason());
        }
        return Optional.of(finished.payment());
    }

    /**
     * Takes an attempt to its end from wherever it stands: asks the gateway (again) if its answer
     * is not recorded, records the charge or refunds it. What the API and the reconciler both do.
     */
    Recorded finish(PaymentAttempt attempt) {
        if (attempt.state() == State.RECORDED) {
            OrderCopy order = orders.find(attempt.orderId()).orElseThrow();
            return new Recorded(Outcome.ALREADY_RECORDED, order.payment(), null);
        }
        if (attempt.state() == State.DECLINED) {
            throw new PaymentGateway.CardDeclined(attempt.outcome());
        }
        Charge charge;
        if (attempt.state() == State.PENDING) {
            try {
                charge =
                        gateway.charge(
                                new PaymentGateway.ChargeRequest(
                                        attempt.orderId(),
                                        attempt.amountCents(),
                                        attempt.currency(),
                                        attempt.paymentMethod(),
                                        attempt.key(),
                                        attempt.updatedAt()));
            } catch (PaymentGateway.CardDeclined declined) {
                attempts.move(attempt.key(), State.DECLINED, null, declined.getMessage());
                metrics.declined();
                throw declined;
            }
            attempts.move(attempt.key(), State.CHARGED, charge.id(), null);
            CrashPoint.afterWrite("payment.charged");
        } else {
            charge = new Charge(attempt.chargeId(), attempt.amountCents(), attempt.currency());
        }
        if (attempt.state() == State.REFUND_OWED) {
            refund(attempt.key(), attempt.orderId(), charge);
            return new Recorded(
                    Outcome.REFUNDED, null, PaymentRefused.Reason.EXPIRED_DURING_PAYMENT);
        }
        return record(attempt.key(), attempt.orderId(), charge);
    }

    /**
     * After the write that records {@code payment} failed: was it recorded all the same? A failure
     * can be ambiguous (the store applied the write and its answer was lost), so the order is read
     * back: holding this very payment, recording succeeded and the buyer is answered so. Otherwise,
     * or if the store is away for this too, the failure stands; the attempt stays charged for a
     * retry or the reconciler, which record or refund it (never charge again).
     */
    private OrderCopy recordedDespite(RuntimeException failure, Payment payment) {
        try {
            Optional<OrderCopy> now = orders.find(payment.orderId());
            if (now.isPresent()
                    && now.get().payment() != null
                    && now.get().payment().id().equals(payment.id())) {
                LOG.warning(
                        "payment "
                                + payment.id()
                                + " of order "
                                + payment.orderId()
                                + " was recorded although recording it failed: "
                                + failure);
                return now.get();
            }
        } catch (RuntimeException stillAway) {
            failure.addSuppressed(stillAway);
        }
        throw failure;
    }

    /** The result of recording a charge that succeeded. */
    public record Recorded(Outcome outcome, Payment payment, PaymentRefused.Reason reason) {}

    /**
     * Records a successful charge for the order (from an attempt, or from Stripe's webhook, whose
     * key is {@code "webhook-" + charge}): idempotent for the same charge; a charge the order can
     * no longer take is refunded, the debt written down first so it is paid whatever happens next.
     */
    public Recorded record(String key, String orderId, Charge charge) {
        Payment payment =
                new Payment(
                        orders.newPaymentId(),
                        orderId,
                        charge.id(),
                        charge.amountCents(),
                        charge.currency(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        null);
        // The seller's payout is written with the payment: a recorded payment always owes one.
        Payout payout =
                orders.find(orderId).flatMap(order -> payouts.owedFor(order, payment)).orElse(null);
        List<EventPayload> events = new ArrayList<>();
        events.add(new PaymentCreated(payment.id(), orderId, charge.id()));
        if (payout != null) {
            events.add(Payouts.created(payout));
        }
        Optional<OrderCopy> stored;
        try {
            stored = orders.recordPayment(payment, payout, events);
        } catch (RuntimeException failure) {
            stored = Optional.of(recordedDespite(failure, payment));
        }
        if (stored.isPresent()) {
            attempts.move(key, State.RECORDED, charge.id(), null);
            metrics.succeeded();
            CrashPoint.afterWrite("payment-recorded");
            orders.relayEvents(orderId);
            LOG.info(
                    () ->
                            "order "
                                    + orderId
                                    + " paid: payment "
                                    + payment.id()
                                    + " ("
                                    + gateway.name()
                                    + " "
                                    + charge.id()
                                    + ", "
                                    + charge.amountCents()
                                    + " cents)");
            return new Recorded(Outcome.RECORDED, payment, null);
        }
        OrderCopy now = orders.find(orderId).orElseThrow();
        if (now.payment() != null && now.payment().stripeId().equals(charge.id())) {
            attempts.move(key, State.RECORDED, charge.id(), null);
            return new Recorded(Outcome.ALREADY_RECORDED, now.payment(), null);
        }
        // The order was cancelled (expired) or paid by another charge meanwhile: give this one
        // back.
        attempts.move(key, State.REFUND_OWED, charge.id(), null);
        CrashPoint.afterWrite("payment.refund-owed");
        refund(key, orderId, charge);
        LOG.warning(
                () ->
                        "order "
                                + orderId
                                + " was "
                                + now.status().value()
                                + " when charge "
                                + charge.id()
                                + " succeeded: refunded");
        PaymentRefused.Reason reason =
                now.payment() != null
                        ? PaymentRefused.Reason.ALREADY_PAID
                        : PaymentRefused.Reason.EXPIRED_DURING_PAYMENT;
        return new Recorded(Outcome.REFUNDED, null, reason);
    }

    /**
     * A charge Stripe's webhook reported: recorded under the attempt that made it, or under an
     * attempt of its own written first (its key {@code "webhook-" + charge}), so that a refund it
     * turns out to owe is written down before it is tried, as for any attempt.
     */
    public Recorded recordWebhookCharge(OrderCopy order, Charge charge) {
        String key =
                attempts.ofCharge(charge.id())
                        .map(PaymentAttempt::key)
                        .orElseGet(
                                () ->
                                        attempts.begin(
                                                        new PaymentAttempt(
                                                                "webhook-" + charge.id(),
                                                                order.id(),
                                                                order.userId(),
                                                                charge.amountCents(),
                                                                charge.currency(),
                                                                null,
                                                                State.CHARGED,
                                                                charge.id(),
                                                                null,
                                                                Instant.now()))
                                                .key());
        return record(key, order.id(), charge);
    }

    private void refund(String key, String orderId, Charge charge) {
        String refundId = gateway.refund(charge.id(), IdempotencyKeys.refund(orderId, charge.id()));
        attempts.move(key, State.REFUNDED, charge.id(), refundId);
    }

    /**
     * The order was cancelled after its payment was recorded (order-service expired it before the
     * payment reached it): the seller's payout is cancelled and the buyer gets the money back.
     * Idempotent (one refund key per charge); a gateway failure is transient, so the event handler
     * retries it until the refund is made.
     */
    public void refundIfOwed(String orderId) {
        // The seller's payout goes first: once the buyer has the money back it must never be paid.
        orders.find(orderId).ifPresent(payouts::cancelFor);
        orders.find(orderId)
                .filter(OrderCopy::owesRefund)
                .ifPresent(
                        order -> {
                            String refundId =
                                    gateway.refund(
                                            order.payment().stripeId(),
                                            IdempotencyKeys.refund(
                                                    orderId, order.payment().stripeId()));
                            orders.recordRefund(orderId, refundId);
                            LOG.warning(
                                    () ->
                                            "order "
                                                    + orderId
                                                    + " was cancelled after it was paid: payment "
                                                    + order.payment().stripeId()
                                                    + " refunded ("
                                                    + refundId
                                                    + ")");
                        });
    }
}
