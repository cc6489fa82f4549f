package dev.ticketing.common.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Any other JAX-RS status: the status with a short safe message (401/403 become 401 "Not
 * authorized", 5xx a logged 500).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
