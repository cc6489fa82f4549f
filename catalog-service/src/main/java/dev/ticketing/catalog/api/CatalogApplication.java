package dev.ticketing.catalog.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * catalog-service's REST application, served under the context root /api/tickets; sessions are
 * MP-JWT.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class CatalogApplication extends Application {}
