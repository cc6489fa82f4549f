package dev.ticketing.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import dev.ticketing.kit.events.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The store is away or slow, not wrong: no server to select, a socket that failed or timed out, an
 * election in progress, a write concern not met in time, or anything the driver itself labels
 * retryable. An event failing this way is retried for as long as the outage lasts.
 */
@ApplicationScoped
public class MongoTransientFailures implements TransientFailures {

    @Override
    public boolean isTransient(Throwable failure) {
        if (failure instanceof MongoTimeoutException
                || failure instanceof MongoSocketException
                || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException
                || failure instanceof MongoExecutionTimeoutException
                || failure instanceof MongoWriteConcernException) {
            return true;
        }
        return failure instanceof MongoException m
                && (m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                        || m.hasErrorLabel("RetryableWriteError"));
    }
}
