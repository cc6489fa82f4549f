package dev.ticketing.payment.api;

import dev.ticketing.common.errors.ApiException;

/** 402 with the card's decline reason, e.g. "Your card was declined.". */
public class PaymentDeclinedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PaymentDeclinedException(String reason) {
        super(reason);
    }

    @Override
    public int status() {
        return 402;
    }
}
