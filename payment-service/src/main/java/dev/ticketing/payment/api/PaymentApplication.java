package dev.ticketing.payment.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** payment-service's REST application, served under the context root /api/payments. */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ticketing payment-service",
                        version = "1",
                        description = "Payments through Stripe for reserved orders."))
public class PaymentApplication extends Application {}
