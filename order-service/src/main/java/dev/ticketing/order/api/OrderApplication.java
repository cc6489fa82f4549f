package dev.ticketing.order.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * order-service's REST application, served under the context root /api/orders; sessions are MP-JWT.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class OrderApplication extends Application {}
