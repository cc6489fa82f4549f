package dev.ticketing.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The gateway when no Stripe secret key is configured (a laptop, the embedded platform): it
 * answers like Stripe's test mode for Stripe's documented test tokens and payment methods, and
 * moves no money. Idempotent like Stripe: one key, one answer.
 */
public final class SimulatedGateway implements PaymentGateway {
    private static final Logger LOG = Logger.getLogger(SimulatedGateway.class.getName());

    /** Stripe's test cards that succeed. */
    static final Set<String> ACCEPTED = Set.of(
            "tok_visa", "tok_visa_debit", "tok_mastercard", "tok_mastercard_debit", "tok_amex", "tok_discover",
            "tok_diners", "tok_jcb", "tok_unionpay",
            "pm_card_visa", "pm_card_visa_debit", "pm_card_mastercard", "pm_card_mastercard_debit",
            "pm_card_amex", "pm_card_discover", "pm_card_diners", "pm_card_jcb", "pm_card_unionpay");

    /** Stripe's test cards that are declined, with the message Stripe gives. */
    static final Map<String, String> DECLINED = Map.of(
            "tok_chargeDeclined", "Your card was declined.",
            "pm_card_chargeDeclined", "Your card was declined.",
            "tok_chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
            "pm_card_chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
            "tok_chargeDeclinedExpiredCard", "Your card has expired.",
            "pm_card_chargeDeclinedExpiredCard", "Your card has expired.",
            "tok_chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.",
            "pm_card_chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.",
            "tok_chargeDeclinedProcessingError", "An error occurred while processing your card. Try again in a little bit.",
            "pm_card_chargeDeclinedProcessingError", "An error occurred while processing your card. Try again in a little bit.");

    private final Map<String, Object> answers = new ConcurrentHashMap<>();

    public SimulatedGateway() {
        LOG.warning("PAYMENTS ARE SIMULATED: no STRIPE_SECRET_KEY is configured, so no money moves. "
                + "Stripe test tokens (tok_visa, pm_card_visa, ...) succeed; tok_chargeDeclined is declined.");
    }

    @Override
    public Charge charge(ChargeRequest request) {
        Object answer = answers.computeIfAbsent(request.idempotencyKey(), key -> decide(request));
        if (answer instanceof CardDeclined declined) {
            throw new CardDeclined(declined.getMessage());
        }
        Charge charge = (Charge) answer;
        LOG.warning(() -> "SIMULATED charge " + charge.id() + " of " + charge.amountCents() + " cents ("
                + charge.currency() + ") for order " + request.orderId() + ": no money moved");
        return charge;
    }

    private static Object decide(ChargeRequest request) {
        String method = request.paymentMethod();
        String declined = DECLINED.get(method);
        if (declined != null) {
            return new CardDeclined(declined);
        }
        if (!ACCEPTED.contains(method)) {
            return new CardDeclined("No such payment method or token: '" + method + "' (payments are simulated: "
                    + "use a Stripe test token such as tok_visa)");
        }
        String id = "pi_simulated_" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        return new Charge(id, request.amountCents(), request.currency());
    }

    @Override
    public String refund(String chargeId, String idempotencyKey) {
        String id = "re_simulated_" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        LOG.warning(() -> "SIMULATED refund " + id + " of " + chargeId + ": no money moved");
        return id;
    }

    @Override
    public String name() {
        return "simulated";
    }
}
