package dev.ticketing.timer.events;

import dev.ticketing.kit.events.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The timer store (the DefaultDataSource: Derby, or PostgreSQL shared by replicas) is away or timed
 * out: the event is retried for as long as that lasts. PostgreSQL's driver reports a lost
 * connection as a plain SQLException whose SQLState is of class 08 (connection exception), or 57P
 * (the server shutting down, or refusing connections while it starts).
 */
@ApplicationScoped
public class TimerStoreTransientFailures implements TransientFailures {
    @Override
    public boolean isTransient(Throwable failure) {
        if (failure instanceof SQLTransientException
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = failure instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
