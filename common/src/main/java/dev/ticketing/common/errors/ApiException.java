package dev.ticketing.common.errors;

import java.util.List;

/**
 * A failure a service reports on purpose: an HTTP status and the envelope's entries, nothing more.
 * {@link ApiExceptionMapper} turns it into the response. Not a {@code WebApplicationException}, so
 * JAX-RS always runs the mapper. Carries no stack trace: it is an answer, not a bug.
 */
public abstract class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ApiException(String message) {
        super(message, null, false, false);
    }

    /** The HTTP status. */
    public abstract int status();

    /** The envelope's entries; by default the message alone. */
    public List<ApiError> errors() {
        return List.of(ApiError.of(getMessage()));
    }
}
