package dev.ticketing.auth.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** auth-service's REST application, served under the context root /api/users. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ticketing auth-service",
                        version = "1",
                        description =
                                "Accounts and sessions: sign up, sign in, sign out, current user."))
public class AuthApplication extends Application {}
