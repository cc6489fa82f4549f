package dev.ticketing.payment.domain;

/** A payment the rules do not allow; the API turns the reason into its status and message. */
public class PaymentRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        NOT_OWNER("Not authorized"),
        ORDER_CANCELLED("Cannot pay for a cancelled order"),
        ALREADY_PAID("Order has already been paid for"),
        /** The charge went through but the order expired meanwhile; the charge was refunded. */
        EXPIRED_DURING_PAYMENT(
                "The order expired before the payment completed; the charge was refunded");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public PaymentRefused(Reason reason) {
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
