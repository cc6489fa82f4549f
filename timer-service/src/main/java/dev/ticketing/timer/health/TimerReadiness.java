package dev.ticketing.timer.health;

import dev.ticketing.kit.health.StoreAndNatsReadiness;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the timer store answers and NATS is connected: without either, expiries stall. */
@Readiness
@ApplicationScoped
public class TimerReadiness extends StoreAndNatsReadiness {
    private static final int STORE_TIMEOUT_SECONDS = 3;

    // java:comp/DefaultDataSource, the store of the persistent timers (fragments/timers.xml).
    @Resource DataSource timerStore;

    @Override
    protected String service() {
        return "timer-service";
    }

    @Override
    protected Map<String, BooleanSupplier> stores() {
        return Map.of("timerStore", this::storeAnswers);
    }

    private boolean storeAnswers() {
        try (Connection connection = timerStore.getConnection()) {
            return connection.isValid(STORE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
