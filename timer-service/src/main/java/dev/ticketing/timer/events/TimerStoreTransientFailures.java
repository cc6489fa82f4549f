package dev.ticketing.timer.events;

import dev.ticketing.kit.events.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * The timer store (the DefaultDataSource: Derby, or PostgreSQL shared by replicas) is away or
 * timed out: the event is retried for as long as that lasts.
 */
@ApplicationScoped
public class TimerStoreTransientFailures implements TransientFailures {
    @Override
    public boolean isTransient(Throwable failure) {
        return failure instanceof SQLTransientException || failure instanceof SQLRecoverableException
                || failure instanceof SQLNonTransientConnectionException;
    }
}
