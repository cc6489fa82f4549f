package dev.ticketing.common.errors;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failing to run (bad constraint declarations, ...): a bug, so a logged 500.
 * Violations have their own mapper.
 */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException exception) {
        return Problems.unexpected(exception);
    }
}
