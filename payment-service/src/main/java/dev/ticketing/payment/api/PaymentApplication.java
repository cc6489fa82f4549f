package dev.ticketing.payment.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * payment-service's REST application, served under the context root /api: /api/payments and
 * /api/payouts (a context root per public path would need a second application for the payouts).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class PaymentApplication extends Application {}
