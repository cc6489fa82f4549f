package dev.ticketing.common.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B failures: 400 "Malformed JSON" for a request body that does not bind (bad syntax, wrong
 * types), else a logged 500.
 */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return ErrorResponses.forJson(exception);
    }
}
