package dev.ticketing.timer.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** timer-service's REST application, served under the context root /internal/timers. */
@ApplicationPath("/")
public class TimerApplication extends Application {}
