package dev.ticketing.payment.gateway;

import dev.ticketing.payment.checkout.PaymentGateway;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The gateway when payments are simulated (a laptop, the embedded platform): it answers like
 * Stripe's test mode for Stripe's documented test tokens and payment methods, and moves no money.
 * Idempotent like Stripe: one key, one answer, kept in a {@link Ledger} that survives restarts, so
 * the reconciler asking again after a crash learns what was charged, exactly as with Stripe.
 */
public final class SimulatedGateway implements PaymentGateway {

    /** What the simulated gateway answered, once per idempotency key. */
    public record Answer(
            String kind,
            String orderId,
            String chargeId,
            long amountCents,
            String currency,
            String message) {
        static final String CHARGE = "charge";
        static final String DECLINE = "decline";
        static final String REFUND = "refund";
        static final String TRANSFER = "transfer";
    }

    /**
     * Where the answers are kept (payment-service's store): the first answer of a key is the
     * answer.
     */
    public interface Ledger {
        /**
         * Stores {@code answer} under {@code key} unless the key has one; the key's answer either
         * way.
         */
        Answer remember(String key, Answer answer);
    }

    private static final Logger LOG = Logger.getLogger(SimulatedGateway.class.getName());

    /** Stripe's test cards that succeed. */
    static final Set<String> ACCEPTED =
            Set.of(
                    "tok_visa",
                    "tok_visa_debit",
                    "tok_mastercard",
                    "tok_mastercard_debit",
                    "tok_amex",
                    "tok_discover",
                    "tok_diners",
                    "tok_jcb",
                    "tok_unionpay",
                    "pm_card_visa",
                    "pm_card_visa_debit",
                    "pm_card_mastercard",
                    "pm_card_mastercard_debit",
                    "pm_card_amex",
                    "pm_card_discover",
                    "pm_card_diners",
                    "pm_card_jcb",
                    "pm_card_unionpay");

    /** Stripe's test cards that are declined, with the message Stripe gives. */
    static final Map<String, String> DECLINED =
            Map.of(
                    "tok_chargeDeclined", "Your card was declined.",
                    "pm_card_chargeDeclined", "Your card was declined.",
                    "tok_chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
                    "pm_card_chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
                    "tok_chargeDeclinedExpiredCard", "Your card has expired.",
                    "pm_card_chargeDeclinedExpiredCard", "Your card has expired.",
                    "tok_chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.",
                    "pm_card_chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.",
                    "tok_chargeDeclinedProcessingError",
                            "An error occurred while processing your card. Try again in a little bit.",
                    "pm_card_chargeDeclinedProcessingError",
                            "An error occurred while processing your card. Try again in a little bit.");

    private final Ledger ledger;

    public SimulatedGateway(Ledger ledger) {
        this.ledger = ledger;
        LOG.warning(
                "PAYMENTS ARE SIMULATED: no STRIPE_SECRET_KEY is configured, so no money moves. "
                        + "Stripe test tokens (tok_visa, pm_card_visa, ...) succeed; tok_chargeDeclined is declined.");
    }

    @Override
    public Charge charge(ChargeRequest request) {
        Answer answer = ledger.remember(request.idempotencyKey(), decide(request));
        if (Answer.DECLINE.equals(answer.kind())) {
            throw new CardDeclined(answer.message());
        }
        LOG.warning(
                () ->
                        "SIMULATED charge "
                                + answer.chargeId()
                                + " of "
                                + answer.amountCents()
                                + " cents ("
                                + answer.currency()
                                + ") for order "
                                + request.orderId()
                                + ": no money moved");
        return new Charge(answer.chargeId(), answer.amountCents(), answer.currency());
    }

    private static Answer decide(ChargeRequest request) {
        String method = request.paymentMethod();
        String declined = DECLINED.get(method);
        if (declined == null && !ACCEPTED.contains(method)) {
            declined =
                    "No such payment method or token: '"
                            + method
                            + "' (payments are simulated: "
                            + "use a Stripe test token such as tok_visa)";
        }
        if (declined != null) {
            return new Answer(
                    Answer.DECLINE, request.orderId(), null, 0, request.currency(), declined);
        }
        return new Answer(
                Answer.CHARGE,
                request.orderId(),
                "pi_simulated_" + idOf(request.idempotencyKey()),
                request.amountCents(),
                request.currency(),
                null);
    }

    @Override
    public String refund(String chargeId, String idempotencyKey) {
        Answer answer =
                ledger.remember(
                        idempotencyKey,
                        new Answer(
                                Answer.REFUND,
                                null,
                                chargeId,
                                0,
                                null,
                                "re_simulated_" + idOf(idempotencyKey)));
        LOG.warning(
                () ->
                        "SIMULATED refund "
                                + answer.message()
                                + " of "
                                + chargeId
                                + ": no money moved");
        return answer.message();
    }

    /**
     * Pays the seller, once per key: the ledger keeps the transfer (its {@code message} names the
     * seller), so a transfer asked again after a crash is the same transfer.
     */
    @Override
    public String transfer(TransferRequest request) {
        Answer answer =
                ledger.remember(
                        request.idempotencyKey(),
                        new Answer(
                                Answer.TRANSFER,
                                request.orderId(),
                                "tr_simulated_" + idOf(request.idempotencyKey()),
                                request.amountCents(),
                                request.currency(),
                                request.sellerId()));
        LOG.warning(
                () ->
                        "SIMULATED transfer "
                                + answer.chargeId()
                                + " of "
                                + answer.amountCents()
                                + " cents to seller "
                                + answer.message()
                                + " for order "
                                + answer.orderId()
                                + ": no money moved");
        return answer.chargeId();
    }

    private static String idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }

    @Override
    public String name() {
        return "simulated";
    }
}
