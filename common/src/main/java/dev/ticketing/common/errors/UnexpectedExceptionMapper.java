package dev.ticketing.common.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything the other mappers do not take: unwraps wrappers and applies their rules. JSON-B,
 * JSON-P and JAX-RS processing failures are 400 "Malformed JSON" when reading the request body
 * failed, else a logged 500 (as when writing a response or calling another service failed); a
 * request body over the limit is 413. Otherwise 500 "Something went wrong", the cause logged at
 * SEVERE with an incident id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return ErrorResponses.forAny(exception);
    }
}
