package dev.ticketing.common.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds error responses in the API's envelope, and holds the contract's fixed messages. */
public final class Problems {

    public static final String NOT_AUTHORIZED = "Not authorized";
    public static final String NOT_FOUND = "Not Found";
    public static final String SOMETHING_WENT_WRONG = "Something went wrong";
    public static final String MALFORMED_JSON = "Malformed JSON";
    public static final String BAD_REQUEST = "Bad Request";
    public static final String METHOD_NOT_ALLOWED = "Method not allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "Unsupported media type";
    public static final String NOT_ACCEPTABLE = "Not acceptable";
    public static final String BODY_TOO_LARGE = "Request body too large";
    public static final String TOO_MANY_REQUESTS = "Too many requests";
    public static final String SERVICE_UNAVAILABLE = "Service unavailable";

    /** The header that carries a 500's incident id, the same id the server log shows. */
    public static final String INCIDENT_HEADER = "X-Incident-Id";

    private static final Logger LOG = Logger.getLogger(Problems.class.getPackageName());

    private Problems() {}

    /** {@code status} with the envelope as an {@code application/json} body. */
    public static Response response(int status, ErrorEnvelope body) {
        return builder(status, body).build();
    }

    /** {@code status} with one message and no field. */
    public static Response response(int status, String message) {
        return response(status, ErrorEnvelope.of(message));
    }

    /** {@code status} with these errors. */
    public static Response response(int status, List<ApiError> errors) {
        return response(status, ErrorEnvelope.of(errors));
    }

    /** A builder with status, content type and body set, to add headers to. */
    public static Response.ResponseBuilder builder(int status, ErrorEnvelope body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toJson());
    }

    /** 400 with a message only: a business rule refused the request. */
    public static Response badRequest(String message) {
        return response(400, message);
    }

    /** 400 with one entry per failed rule. */
    public static Response validation(List<ApiError> errors) {
        return response(400, errors);
    }

    /** 401 "Not authorized". */
    public static Response notAuthorized() {
        return response(401, NOT_AUTHORIZED);
    }

    /** 404 "Not Found". */
    public static Response notFound() {
        return response(404, NOT_FOUND);
    }

    /**
     * 500 "Something went wrong": logs {@code cause} at SEVERE with a short incident id, which the
     * response repeats in {@value #INCIDENT_HEADER} (never the cause itself).
     */
    public static Response unexpected(Throwable cause) {
        String incident = incidentId();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident + ": " + cause, cause);
        return builder(500, ErrorEnvelope.of(SOMETHING_WENT_WRONG))
                .header(INCIDENT_HEADER, incident)
                .build();
    }

    /** The safe message for an HTTP error status that carries no message of its own. */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401, 403 -> NOT_AUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? SOMETHING_WENT_WRONG : reasonPhrase(status);
        };
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Request failed";
    }

    static String incidentId() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
