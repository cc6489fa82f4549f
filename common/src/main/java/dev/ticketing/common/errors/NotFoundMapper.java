package dev.ticketing.common.errors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unknown route or resource ({@code jakarta.ws.rs.NotFoundException}): 404 "Not Found". */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Override
    public Response toResponse(NotFoundException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
