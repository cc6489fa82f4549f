package dev.ticketing.timer.health;

import dev.ticketing.nats.NatsConnectionStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the timer store answers and NATS is connected: without either, expiries stall. */
@Readiness
@ApplicationScoped
public class TimerReadiness implements HealthCheck {
    private static final int STORE_TIMEOUT_SECONDS = 3;

    // java:comp/DefaultDataSource, the store of the persistent timers (fragments/timers.xml).
    @Resource
    DataSource timerStore;

    @Inject
    NatsConnectionStatus nats;

    @Override
    public HealthCheckResponse call() {
        boolean store = storeAnswers();
        boolean messaging = nats.isConnected();
        return HealthCheckResponse.named("timer-service")
                .status(store && messaging)
                .withData("timerStore", store ? "UP" : "DOWN")
                .withData("nats", messaging ? "UP" : "DOWN")
                .build();
    }

    private boolean storeAnswers() {
        try (Connection connection = timerStore.getConnection()) {
            return connection.isValid(STORE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
