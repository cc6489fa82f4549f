package dev.ticketing.payment.api;

import dev.ticketing.common.errors.ApiException;

/** 503: the payment provider failed; nothing was charged twice and the buyer may retry. */
public class GatewayUnavailableException extends ApiException {
    private static final long serialVersionUID = 1L;

    public GatewayUnavailableException() {
        super("The payment provider is unavailable; please try again");
    }

    @Override
    public int status() {
        return 503;
    }
}
