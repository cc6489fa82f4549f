package dev.ticketing.common.errors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Wrong HTTP method: 405 "Method not allowed", keeping the {@code Allow} header. */
@Provider
public class NotAllowedMapper implements ExceptionMapper<NotAllowedException> {

    @Override
    public Response toResponse(NotAllowedException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
