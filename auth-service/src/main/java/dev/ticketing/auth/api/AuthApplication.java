package dev.ticketing.auth.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** auth-service's REST application, served under the context root /api/users. */
@ApplicationPath("/")
public class AuthApplication extends Application {}
