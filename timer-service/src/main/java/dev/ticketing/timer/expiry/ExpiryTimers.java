package dev.ticketing.timer.expiry;

import dev.ticketing.timer.domain.Expiry;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One persistent single-action timer per pending order, stored by Liberty in the DefaultDataSource
 * (Derby, or PostgreSQL shared by replicas), so a timer survives restarts and one due while the
 * server was down fires as soon as it is back. The timer's info is the order id.
 *
 * <p>Beside the timers, in the same store, the {@link ExpiryTable} keeps one row per order with a
 * pending timer: order id (primary key), due time, the timer's handle. Each event reads and writes
 * that one row and that one timer, in one container-managed transaction, so its cost does not grow
 * with the number of pending timers, and nothing is serialized behind a lock:
 *
 * <ul>
 *   <li>schedule: creates the timer and inserts the row; the primary key turns a concurrent or
 *       later second delivery of the same order.created (on this server or another replica) into a
 *       no-op, whose timer is rolled back with its transaction;
 *   <li>cancel: cancels the timer through the row's handle and deletes the row;
 *   <li>timeout: publishes expiration.complete and deletes the row. A failed publish rolls both
 *       back and Liberty retries the timeout.
 * </ul>
 *
 * The row and the timer commit or roll back together; a crash in between leaves neither. A timer
 * that fires without a row (created before the table existed, by an older server of a rolling
 * update) still announces the expiry; a row whose timer is gone is removed by its cancel, or
 * replaced by a redelivered order.created.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpiryTimers {
    private static final Logger LOG = Logger.getLogger(ExpiryTimers.class.getName());

    @Resource TimerService timerService;

    @Resource SessionContext context;

    // java:comp/DefaultDataSource: the timers' own store, so the row and the timer share a
    // transaction.
    @Resource DataSource timerStore;

    @EJB ExpiryTableSetup setup;

    @Inject ExpirationNotices publisher;

    private volatile ExpiryTable table;
    private volatile TimerHandles handles;

    /** Schedules the expiry unless the order already has one; true when a timer was created. */
    public boolean schedule(Expiry expiry) {
        String orderId = expiry.orderId();
        if (orderId.length() > ExpiryTable.MAX_ORDER_ID) {
            throw new IllegalArgumentException(
                    "order id longer than "
                            + ExpiryTable.MAX_ORDER_ID
                            + " characters: "
                            + orderId.substring(0, 40)
                            + "...");
        }
        ExpiryTable expiries = table();
        try (Connection connection = timerStore.getConnection()) {
            Optional<ExpiryTable.Row> existing = expiries.find(connection, orderId);
            if (existing.isPresent()) {
                if (timerExists(existing.get())) {
                    return false;
                }
                // A row whose timer is gone would hold the order's expiry forever: replace it.
                LOG.warning(
                        () ->
                                "the expiry of order "
                                        + orderId
                                        + " had a row without a timer; it is scheduled again");
                expiries.delete(connection, orderId, existing.get().handle());
            }
            // A due time already past makes the container fire the timer right after the commit.
            Timer timer =
                    timerService.createSingleActionTimer(
                            Date.from(expiry.dueAt()), new TimerConfig(orderId, true));
            ExpiryTable.Row row =
                    new ExpiryTable.Row(
                            orderId, expiry.dueAt(), handles().encode(timer.getHandle()));
            if (!expiries.insert(connection, row)) {
                // Another delivery of this order.created stored its row first (it committed while
                // this insert waited on the key): this transaction, with its timer, is undone.
                context.setRollbackOnly();
                LOG.fine(() -> "order " + orderId + " got its expiry from a concurrent delivery");
                return false;
            }
            LOG.fine(() -> "expiry of order " + orderId + " scheduled at " + expiry.dueAt());
            return true;
        } catch (SQLException e) {
            throw new TimerStoreException(
                    "scheduling the expiry of order " + orderId + " failed", e);
        }
    }

    /** Cancels the order's expiry (it was paid for or cancelled); true when one was pending. */
    public boolean cancel(String orderId) {
        ExpiryTable expiries = table();
        try (Connection connection = timerStore.getConnection()) {
            Optional<ExpiryTable.Row> row = expiries.find(connection, orderId);
            if (row.isEmpty()) {
                return false;
            }
            cancelTimer(row.get());
            // False when a concurrent cancel, or the timer firing, removed the row first.
            return expiries.delete(connection, orderId, row.get().handle());
        } catch (SQLException e) {
            throw new TimerStoreException(
                    "cancelling the expiry of order " + orderId + " failed", e);
        }
    }

    /**
     * Whether the row's timer still exists (one lookup by its key); an unreadable handle counts as
     * existing.
     */
    private boolean timerExists(ExpiryTable.Row row) {
        try {
            handles().decode(row.handle()).getTimer();
            return true;
        } catch (NoSuchObjectLocalException gone) {
            return false;
        } catch (IllegalArgumentException unreadable) {
            LOG.log(
                    Level.WARNING,
                    "the timer handle of order " + row.orderId() + " cannot be read",
                    unreadable);
            return true;
        }
    }

    private void cancelTimer(ExpiryTable.Row row) {
        try {
            handles().decode(row.handle()).getTimer().cancel();
        } catch (NoSuchObjectLocalException gone) {
            // It fired, or was cancelled, meanwhile; or it was lost: only the row is left to
            // remove.
            LOG.fine(() -> "the timer of order " + row.orderId() + " was gone; its row is removed");
        } catch (IllegalArgumentException unreadable) {
            // Cannot happen with handles this class wrote; should it, the timer fires later and
            // order-service ignores the expiry of an order that is no longer open.
            LOG.log(
                    Level.WARNING,
                    "the timer of order "
                            + row.orderId()
                            + " cannot be found from its row,"
                            + " which is removed; if the timer still exists it fires and is ignored",
                    unreadable);
        }
    }

    /** The pending expiries, soonest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Expiry> pending() {
        ExpiryTable expiries = table();
        try (Connection connection = timerStore.getConnection()) {
            return expiries.all(connection);
        } catch (SQLException e) {
            throw new TimerStoreException("listing the pending expiries failed", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Expiry> pending(String orderId) {
        ExpiryTable expiries = table();
        try (Connection connection = timerStore.getConnection()) {
            return expiries.find(connection, orderId).map(ExpiryTable.Row::expiry);
        } catch (SQLException e) {
            throw new TimerStoreException("reading the expiry of order " + orderId + " failed", e);
        }
    }

    /**
     * The hold ran out: announce it, then remove the order's row. Publishing waits for the stream's
     * ack; if it fails the exception rolls the timeout back and Liberty retries it
     * (timers.retry.interval), and every attempt carries the same event id, so the order sees one
     * expiration.complete.
     */
    @Timeout
    public void expire(Timer timer) {
        Serializable info = timer.getInfo();
        if (!(info instanceof String orderId)) {
            LOG.warning("a timer without an order id fired and is dropped: " + info);
            return;
        }
        publisher.publishExpired(orderId);
        ExpiryTable expiries = table();
        try (Connection connection = timerStore.getConnection()) {
            if (!expiries.delete(connection, orderId, handles().encode(timer.getHandle()))) {
                LOG.fine(() -> "the timer of order " + orderId + " fired without a row of its own");
            }
        } catch (SQLException e) {
            throw new TimerStoreException("removing the expiry of order " + orderId + " failed", e);
        }
    }

    private ExpiryTable table() {
        ExpiryTable ready = table;
        if (ready == null) {
            ready = setup.ready();
            table = ready;
        }
        return ready;
    }

    private TimerHandles handles() {
        TimerHandles ready = handles;
        if (ready == null) {
            ready = new TimerHandles(timerService.getClass().getClassLoader());
            handles = ready;
        }
        return ready;
    }
}
