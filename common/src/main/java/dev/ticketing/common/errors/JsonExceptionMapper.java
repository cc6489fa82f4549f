package dev.ticketing.common.errors;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-P failures ({@code JsonParsingException} and kin): 400 "Malformed JSON" for a bad request
 * body, else a logged 500.
 */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return ErrorResponses.forJson(exception);
    }
}
