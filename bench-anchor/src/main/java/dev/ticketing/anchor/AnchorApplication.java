package dev.ticketing.anchor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The anchor's one JAX-RS application, at the root like the platform's APIs. */
@ApplicationPath("/")
public class AnchorApplication extends Application {}
