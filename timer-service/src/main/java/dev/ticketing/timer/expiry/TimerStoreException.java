package dev.ticketing.timer.expiry;

import jakarta.ejb.ApplicationException;

/**
 * The timer store (the DefaultDataSource) failed a statement. The transaction rolls back; the
 * exception reaches the caller as it is, with the {@link java.sql.SQLException} as its cause, so
 * the event that asked for it is redelivered (with the transient backoff when the store is away).
 */
@ApplicationException(rollback = true)
public class TimerStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimerStoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
