package dev.ticketing.payment.api;

import dev.ticketing.common.errors.ApiException;

/**
 * 503: this deployment has no webhook secret, so no Stripe event can be verified. The fault is
 * ours, not Stripe's: a 5xx makes Stripe retry the event, so it is not lost once the secret is set.
 */
public class WebhooksNotConfiguredException extends ApiException {
    private static final long serialVersionUID = 1L;

    public WebhooksNotConfiguredException() {
        super("Webhooks are not configured (STRIPE_WEBHOOK_SECRET)");
    }

    @Override
    public int status() {
        return 503;
    }
}
