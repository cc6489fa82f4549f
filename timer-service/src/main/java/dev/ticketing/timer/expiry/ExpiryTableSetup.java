package dev.ticketing.timer.expiry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the {@link ExpiryTable} exists in the timer store: at start, and again on first use if
 * the store could not be reached then (the application starts without it; readiness says the store
 * is DOWN meanwhile). Runs outside any global transaction, so its DDL commits on its own.
 *
 * <p>The table goes into the timer store's schema, {@code timers.db.schema} (the server variable of
 * fragments/timers.xml, also read by MicroProfile Config). When this creates the table (the first
 * start of this version on a store), timers created before it, which have no row, are indexed once
 * from the container's list, so they can be listed and cancelled like the others.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExpiryTableSetup {
    private static final Logger LOG = Logger.getLogger(ExpiryTableSetup.class.getName());

    // java:comp/DefaultDataSource: the store of the persistent timers (fragments/timers.xml).
    @Resource DataSource timerStore;

    @Resource TimerService timerService;

    @Inject
    @ConfigProperty(name = "timers.db.schema", defaultValue = "TIMERS")
    String schema;

    private volatile ExpiryTable ready;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void atStart() {
        try {
            ready();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the expiry table could not be checked at start; it is on first use",
                    e);
        }
    }

    /** The table, created first if it does not exist yet. */
    public ExpiryTable ready() {
        ExpiryTable table = ready;
        if (table != null) {
            return table;
        }
        synchronized (this) {
            if (ready == null) {
                ExpiryTable candidate = new ExpiryTable(schema);
                try (Connection connection = timerStore.getConnection()) {
                    if (candidate.createIfMissing(connection)) {
                        LOG.info(
                                () ->
                                        "created "
                                                + candidate.qualifiedName()
                                                + " in the timer store");
                        indexTimersWithoutRow(candidate, connection);
                    }
                } catch (SQLException e) {
                    throw new TimerStoreException(
                            "the expiry table "
                                    + candidate.qualifiedName()
                                    + " cannot be created or found",
                            e);
                }
                ready = candidate;
            }
            return ready;
        }
    }

    /**
     * Timers from before the table (this module's only timers are order expiries) get their rows.
     */
    private void indexTimersWithoutRow(ExpiryTable table, Connection connection)
            throws SQLException {
        TimerHandles handles = new TimerHandles(timerService.getClass().getClassLoader());
        int indexed = 0;
        for (Timer timer : timerService.getAllTimers()) {
            try {
                if (timer.isPersistent()
                        && timer.getInfo() instanceof String orderId
                        && !orderId.isBlank()
                        && table.insert(
                                connection,
                                new ExpiryTable.Row(
                                        orderId,
                                        timer.getNextTimeout().toInstant(),
                                        handles.encode(timer.getHandle())))) {
                    indexed++;
                }
            } catch (NoSuchObjectLocalException firedMeanwhile) {
                // Not pending any more.
            }
        }
        if (indexed > 0) {
            int count = indexed;
            LOG.info(
                    () ->
                            count
                                    + " pending timers from before "
                                    + table.qualifiedName()
                                    + " were indexed");
        }
    }
}
