package dev.ticketing.timer.health;

import dev.ticketing.kit.health.ServiceReadiness;
import dev.ticketing.nats.NatsConnectionStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the timer store answers and NATS is connected: without either, expiries stall. */
@Readiness
@ApplicationScoped
public class TimerReadiness extends ServiceReadiness {
    private static final int STORE_TIMEOUT_SECONDS = 3;

    // java:comp/DefaultDataSource, the store of the persistent timers (fragments/timers.xml).
    @Resource DataSource timerStore;

    @Inject NatsConnectionStatus nats;

    @Override
    protected String service() {
        return "timer-service";
    }

    @Override
    protected Map<String, BooleanSupplier> dependencies() {
        Map<String, BooleanSupplier> dependencies = new LinkedHashMap<>();
        dependencies.put("timerStore", this::storeAnswers);
        dependencies.put("nats", nats::isConnected);
        return dependencies;
    }

    private boolean storeAnswers() {
        try (Connection connection = timerStore.getConnection()) {
            return connection.isValid(STORE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
