package dev.ticketing.timer.expiry;

import dev.ticketing.timer.domain.Expiry;
import dev.ticketing.timer.events.ExpirationPublisher;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One persistent single-action timer per pending order, stored by Liberty in the DefaultDataSource
 * (Derby, or PostgreSQL shared by replicas), so a timer survives restarts and one due while the
 * server was down fires as soon as it is back. The timer's info is the order id: that is its key.
 * Scheduling and cancelling are serialized (write lock) so a redelivered order.created racing its
 * first delivery on this server still finds the first timer.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
public class ExpiryTimers {
    private static final Logger LOG = Logger.getLogger(ExpiryTimers.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    ExpirationPublisher publisher;

    /** Schedules the expiry unless the order already has one; true when a timer was created. */
    @Lock(LockType.WRITE)
    public boolean schedule(Expiry expiry) {
        if (find(expiry.orderId()).isPresent()) {
            return false;
        }
        TimerConfig config = new TimerConfig(expiry.orderId(), true);
        // A due time already past makes the container fire the timer right away.
        timerService.createSingleActionTimer(Date.from(expiry.dueAt()), config);
        LOG.fine(() -> "expiry of order " + expiry.orderId() + " scheduled at " + expiry.dueAt());
        return true;
    }

    /** Cancels the order's expiry (it was paid for or cancelled); true when a timer was pending. */
    @Lock(LockType.WRITE)
    public boolean cancel(String orderId) {
        Optional<Timer> timer = find(orderId);
        timer.ifPresent(t -> {
            try {
                t.cancel();
            } catch (NoSuchObjectLocalException alreadyGone) {
                // It fired or was cancelled meanwhile: nothing left to cancel.
            }
        });
        return timer.isPresent();
    }

    /** The pending expiries, soonest first. */
    @Lock(LockType.READ)
    public List<Expiry> pending() {
        List<Expiry> pending = new ArrayList<>();
        for (Timer timer : timerService.getTimers()) {
            try {
                if (timer.getInfo() instanceof String orderId) {
                    pending.add(new Expiry(orderId, timer.getNextTimeout().toInstant()));
                }
            } catch (NoSuchObjectLocalException firedMeanwhile) {
                // Gone between listing and reading: no longer pending.
            }
        }
        pending.sort(Comparator.comparing(Expiry::dueAt));
        return pending;
    }

    @Lock(LockType.READ)
    public Optional<Expiry> pending(String orderId) {
        return find(orderId).flatMap(t -> {
            try {
                return Optional.of(new Expiry(orderId, t.getNextTimeout().toInstant()));
            } catch (NoSuchObjectLocalException firedMeanwhile) {
                return Optional.empty();
            }
        });
    }

    /**
     * The hold ran out: announce it. Publishing waits for the stream's ack; if it fails the
     * exception rolls the timeout back and Liberty retries it (timers.retry.interval), and every
     * attempt carries the same event id, so the order sees one expiration.complete.
     */
    @Timeout
    @Lock(LockType.READ)
    public void expire(Timer timer) {
        Serializable info = timer.getInfo();
        if (!(info instanceof String orderId)) {
            LOG.warning("a timer without an order id fired and is dropped: " + info);
            return;
        }
        publisher.publishExpired(orderId);
    }

    private Optional<Timer> find(String orderId) {
        for (Timer timer : timerService.getTimers()) {
            try {
                if (orderId.equals(timer.getInfo())) {
                    return Optional.of(timer);
                }
            } catch (NoSuchObjectLocalException firedMeanwhile) {
                // Not pending any more.
            }
        }
        return Optional.empty();
    }
}
