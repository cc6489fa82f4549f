package dev.ticketing.common.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every JAX-RS status exception ({@code NotFoundException}, {@code NotAllowedException}, {@code
 * BadRequestException}, ...): the status with a short safe message. 400 is "Malformed JSON" when it
 * wraps a JSON failure, else "Bad Request"; 401/403 become 401 "Not authorized"; 405 keeps the
 * {@code Allow} header, 429/503 the {@code Retry-After} header; 5xx but 503 is a logged 500; a
 * status below 400 (a redirect) passes through.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
