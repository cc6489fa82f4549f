package dev.ticketing.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The probe: a test-only application that exercises, inside a real Liberty server, what every
 * service shares (error mapping, the NATS connector, JWT verification). Never deployed to the
 * platform.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
public class ProbeApplication extends Application {}
