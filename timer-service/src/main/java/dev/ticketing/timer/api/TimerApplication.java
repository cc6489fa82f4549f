package dev.ticketing.timer.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** timer-service's REST application, served under the context root /internal/timers. */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ticketing timer-service",
                        version = "1",
                        description =
                                "Order expiry with persistent EJB timers; a read-only view of pending timers."))
public class TimerApplication extends Application {}
