package dev.ticketing.order.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * order-service's REST application, served under the context root /api/orders; sessions are MP-JWT.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ticketing order-service",
                        version = "1",
                        description =
                                "Orders and their lifecycle: reserve a ticket, cancel, expire, complete."))
public class OrderApplication extends Application {}
