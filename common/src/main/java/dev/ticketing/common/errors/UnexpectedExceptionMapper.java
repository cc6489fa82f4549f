package dev.ticketing.common.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything else: unwraps wrappers and applies the rules above; otherwise 500 "Something went
 * wrong", the cause logged at SEVERE with an incident id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return ErrorResponses.forAny(exception);
    }
}
