package dev.ticketing.common.errors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Our own exceptions ({@link BusinessRuleException}, {@link ValidationFailure}, ...): their status
 * and errors; a {@link TooManyRequestsException} also says when to retry.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        return map(exception);
    }

    /** The response for {@code exception}; also for the catch-all, which unwraps it. */
    static Response map(ApiException exception) {
        Response.ResponseBuilder response =
                Problems.builder(exception.status(), ErrorEnvelope.of(exception.errors()));
        if (exception instanceof TooManyRequestsException throttled) {
            response.header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds());
        }
        return response.build();
    }
}
