package dev.ticketing.common.errors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code jakarta.ws.rs.BadRequestException}: 400, "Malformed JSON" when it wraps a JSON failure,
 * else "Bad Request".
 */
@Provider
public class BadRequestMapper implements ExceptionMapper<BadRequestException> {

    @Override
    public Response toResponse(BadRequestException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
