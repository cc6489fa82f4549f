package dev.ticketing.common.errors;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unsupported request media type: 415. */
@Provider
public class NotSupportedMapper implements ExceptionMapper<NotSupportedException> {

    @Override
    public Response toResponse(NotSupportedException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
