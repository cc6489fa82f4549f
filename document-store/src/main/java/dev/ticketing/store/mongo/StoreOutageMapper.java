package dev.ticketing.store.mongo;

import com.mongodb.MongoException;
import dev.ticketing.common.errors.ErrorEnvelope;
import dev.ticketing.common.errors.Problems;
import dev.ticketing.kit.events.TransientFailures;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request that met the store away (no server to select within {@link MongoStore}'s five seconds,
 * a broken socket, an election): 503 "Service unavailable" with {@code Retry-After}, as docs/api.md
 * says, because the client can do something about it: try again. Any other store failure is
 * unexpected: the logged 500 every service gives.
 */
@Provider
public class StoreOutageMapper implements ExceptionMapper<MongoException> {

    /** Seconds a client waits before trying again: about one server selection. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(StoreOutageMapper.class.getName());
    private static final TransientFailures OUTAGE = new MongoTransientFailures();

    @Override
    public Response toResponse(MongoException failure) {
        if (!OUTAGE.isTransient(failure)) {
            return Problems.unexpected(failure);
        }
        // Expected while it lasts, and readiness already says so: one line, no stack trace.
        LOG.log(Level.WARNING, "The store is unavailable, answered 503: {0}", failure.toString());
        return Problems.builder(503, ErrorEnvelope.of(Problems.SERVICE_UNAVAILABLE))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
