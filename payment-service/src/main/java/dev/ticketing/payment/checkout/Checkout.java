package dev.ticketing.payment.checkout;

import dev.ticketing.common.events.PaymentCreated;
import dev.ticketing.payment.domain.IdempotencyKeys;
import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.PaymentRefused;
import dev.ticketing.payment.gateway.PaymentGateway;
import dev.ticketing.payment.gateway.PaymentGateway.Charge;
import dev.ticketing.payment.metrics.PaymentMetrics;
import dev.ticketing.payment.store.OrderCopies;
import dev.ticketing.store.outbox.CrashPoint;
import dev.ticketing.store.outbox.EventOutbox;
import dev.ticketing.store.outbox.PendingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Takes a buyer's payment for an order. The charge happens first (the gateway is outside any
 * transaction), then one conditional write records it only if the order is still payable. If
 * that write finds the order cancelled (its hold expired while the card was being charged), the
 * charge is refunded and the buyer told so; the ticket stays with whoever holds it now.
 */
@ApplicationScoped
public class Checkout {
    private static final Logger LOG = Logger.getLogger(Checkout.class.getName());
    public static final String CURRENCY = "usd";

    @Inject
    OrderCopies orders;

    @Inject
    PaymentGateway gateway;

    @Inject
    EventOutbox outbox;

    @Inject
    PaymentMetrics metrics;

    /** What happened to a charge. */
    public enum Outcome { RECORDED, ALREADY_RECORDED, REFUNDED }

    /**
     * Pays for {@code orderId} as {@code buyerId}; the payment recorded.
     *
     * @throws java.util.NoSuchElementException when payment-service knows no such order
     * @throws PaymentRefused when the rules refuse, or the order expired during the charge
     * @throws PaymentGateway.CardDeclined when the card was declined
     */
    public Payment pay(String buyerId, String orderId, String paymentMethod) {
        OrderCopy order = orders.find(orderId).orElseThrow();
        order.checkPayableBy(buyerId);
        long cents = order.priceCents();
        Charge charge;
        try {
            charge = gateway.charge(new PaymentGateway.ChargeRequest(orderId, cents, CURRENCY, paymentMethod,
                    IdempotencyKeys.charge(orderId, paymentMethod)));
        } catch (PaymentGateway.CardDeclined declined) {
            metrics.declined();
            throw declined;
        }
        Recorded recorded = record(orderId, charge);
        return switch (recorded.outcome()) {
            case RECORDED -> recorded.payment();
            // A double submit: both requests got the same charge (same key); the first recorded it.
            case ALREADY_RECORDED -> throw new PaymentRefused(PaymentRefused.Reason.ALREADY_PAID);
            case REFUNDED -> throw new PaymentRefused(recorded.reason());
        };
    }

    /** The result of recording a charge that succeeded. */
    public record Recorded(Outcome outcome, Payment payment, PaymentRefused.Reason reason) {
    }

    /**
     * Records a successful charge for the order (from the API or from Stripe's webhook):
     * idempotent for the same charge; a charge the order can no longer take is refunded.
     */
    public Recorded record(String orderId, Charge charge) {
        Payment payment = new Payment(new ObjectId().toHexString(), orderId, charge.id(), charge.amountCents(),
                charge.currency(), Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
        PendingEvent event = outbox.pending(new PaymentCreated(payment.id(), orderId, charge.id()));
        Optional<OrderCopy> stored = orders.recordPayment(payment, event);
        if (stored.isPresent()) {
            metrics.succeeded();
            CrashPoint.afterWrite("payment-recorded");
            outbox.relay(orders.collection(), orderId);
            LOG.info(() -> "order " + orderId + " paid: payment " + payment.id() + " (" + gateway.name() + " "
                    + charge.id() + ", " + charge.amountCents() + " cents)");
            return new Recorded(Outcome.RECORDED, payment, null);
        }
        OrderCopy now = orders.find(orderId).orElseThrow();
        if (now.payment() != null && now.payment().stripeId().equals(charge.id())) {
            return new Recorded(Outcome.ALREADY_RECORDED, now.payment(), PaymentRefused.Reason.ALREADY_PAID);
        }
        // The order was cancelled (expired) or paid by another charge meanwhile: give this one back.
        String refundId = gateway.refund(charge.id(), IdempotencyKeys.refund(orderId, charge.id()));
        LOG.warning(() -> "order " + orderId + " was " + now.status().value() + " when charge " + charge.id()
                + " succeeded: refunded (" + refundId + ")");
        PaymentRefused.Reason reason = now.payment() != null
                ? PaymentRefused.Reason.ALREADY_PAID : PaymentRefused.Reason.EXPIRED_DURING_PAYMENT;
        return new Recorded(Outcome.REFUNDED, null, reason);
    }

    /**
     * The order was cancelled after its payment was recorded (order-service expired it before the
     * payment reached it): the buyer gets the money back. Idempotent (one refund key per charge).
     */
    public void refundIfOwed(String orderId) {
        orders.find(orderId).filter(OrderCopy::owesRefund).ifPresent(order -> {
            String refundId = gateway.refund(order.payment().stripeId(),
                    IdempotencyKeys.refund(orderId, order.payment().stripeId()));
            orders.recordRefund(orderId, refundId);
            LOG.warning(() -> "order " + orderId + " was cancelled after it was paid: payment "
                    + order.payment().stripeId() + " refunded (" + refundId + ")");
        });
    }
}
