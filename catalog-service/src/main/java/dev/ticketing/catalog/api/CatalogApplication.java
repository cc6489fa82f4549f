package dev.ticketing.catalog.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * catalog-service's REST application, served under the context root /api/tickets; sessions are
 * MP-JWT.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ticketing catalog-service",
                        version = "1",
                        description =
                                "Tickets for sale: list, create, edit; reservations follow order events."))
public class CatalogApplication extends Application {}
