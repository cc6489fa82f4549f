package dev.ticketing.payment.gateway;

import dev.ticketing.kit.events.TransientFailures;
import dev.ticketing.payment.checkout.PaymentGateway;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway was unreachable, timed out or failed on its side (5xx): a refund owed is tried again
 * later.
 */
@ApplicationScoped
public class GatewayTransientFailures implements TransientFailures {
    @Override
    public boolean isTransient(Throwable failure) {
        return failure instanceof PaymentGateway.GatewayUnavailable;
    }
}
