package dev.ticketing.common.errors;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@code jakarta.ws.rs.NotAuthorizedException}: 401 "Not authorized". */
@Provider
public class JaxrsNotAuthorizedMapper implements ExceptionMapper<NotAuthorizedException> {

    @Override
    public Response toResponse(NotAuthorizedException exception) {
        return ErrorResponses.forWebApplication(exception);
    }
}
