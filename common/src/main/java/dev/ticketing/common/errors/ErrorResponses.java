package dev.ticketing.common.errors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The mapping rules the mappers share. Optional APIs are only touched through name checks. */
final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getPackageName());

    private ErrorResponses() {}

    /** A WebApplicationException: its status, with a short safe message instead of its own. */
    static Response forWebApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        return forStatus(status, original, e);
    }

    /** An HTTP status raised by the runtime or a library (not by our own exceptions). */
    static Response forStatus(int status, Response original, Throwable cause) {
        if (status < 400) {
            // a redirect or an OPTIONS answer is not an error; a failure without a status is
            return original != null ? original : Problems.unexpected(cause);
        }
        if (status >= 500 && status != 503) {
            return Problems.unexpected(cause);
        }
        clientError(status, cause);
        return switch (status) {
            case 400 ->
                    Problems.response(
                            400,
                            looksLikeJson(cause) ? Problems.MALFORMED_JSON : Problems.BAD_REQUEST);
            case 401, 403 -> Problems.notAuthorized();
            case 405 ->
                    withHeader(
                            Problems.builder(405, ErrorEnvelope.of(Problems.METHOD_NOT_ALLOWED)),
                            original,
                            HttpHeaders.ALLOW);
            case 429, 503 ->
                    withHeader(
                            Problems.builder(status, ErrorEnvelope.of(Problems.messageFor(status))),
                            original,
                            HttpHeaders.RETRY_AFTER);
            default -> Problems.response(status, Problems.messageFor(status));
        };
    }

    /**
     * JSON-B, JSON-P or JAX-RS processing failures: 400 "Malformed JSON" when they come from
     * reading the request body, 500 when they come from writing a response or calling another
     * service (a bug or an outage, not the client's fault).
     */
    static Response forJson(Throwable e) {
        if (Causes.anyIsA(e, RequestBodyLimit.TooLarge.class.getName())) {
            clientError(413, e);
            return Problems.response(413, Problems.BODY_TOO_LARGE);
        }
        boolean clientFault =
                switch (Causes.origin(e)) {
                    case REQUEST_BODY -> !Causes.fromClientApi(e);
                    case RESPONSE_BODY -> false;
                    case UNKNOWN ->
                            Causes.hasJsonCause(e)
                                    && !Causes.anyIsA(e, Causes.JSON_GENERATION_EXCEPTION)
                                    && !Causes.fromClientApi(e);
                };
        if (!clientFault) {
            return Problems.unexpected(e);
        }
        clientError(400, e);
        return Problems.response(400, Problems.MALFORMED_JSON);
    }

    /** Anything no more specific mapper took: unwrap, dispatch, and otherwise 500. */
    static Response forAny(Throwable thrown) {
        Throwable e = Causes.unwrap(thrown);
        if (e instanceof ApiException api) {
            return ApiExceptionMapper.map(api);
        }
        if (e instanceof WebApplicationException wae) {
            return forWebApplication(wae);
        }
        if (Causes.isA(e, Causes.CONSTRAINT_VIOLATION_EXCEPTION)) {
            return ConstraintViolationMapper.fromThrowable(e);
        }
        // A raw body (a ticket file, read as bytes) cut off by the limit comes unwrapped.
        if (Causes.isA(e, Causes.JSONB_EXCEPTION)
                || Causes.isA(e, Causes.JSON_EXCEPTION)
                || e instanceof ProcessingException
                || Causes.anyIsA(e, RequestBodyLimit.TooLarge.class.getName())) {
            return forJson(e);
        }
        if (Causes.isA(e, Causes.RESTEASY_FAILURE)) {
            return forResteasyFailure(e);
        }
        return Problems.unexpected(thrown);
    }

    /** RESTEasy's own failures carry a status or a ready response (OPTIONS answers are one). */
    private static Response forResteasyFailure(Throwable e) {
        Response response = Causes.resteasyResponse(e);
        if (response != null) {
            return forStatus(response.getStatus(), response, e);
        }
        int code = Causes.resteasyErrorCode(e);
        if (code >= 400) {
            return forStatus(code, null, e);
        }
        if (Causes.isA(e, Causes.RESTEASY_READER_EXCEPTION)) {
            clientError(400, e);
            return Problems.response(400, Problems.MALFORMED_JSON);
        }
        return Problems.unexpected(e);
    }

    private static boolean looksLikeJson(Throwable e) {
        return Causes.hasJsonCause(e) || Causes.origin(e) == Causes.Origin.REQUEST_BODY;
    }

    private static Response withHeader(
            Response.ResponseBuilder builder, Response original, String header) {
        if (original != null) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    /**
     * Client errors are routine: logged at FINE, with the cause, for whoever traces the package.
     */
    static void clientError(int status, Throwable cause) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Client error " + status + " from " + cause, cause);
        }
    }
}
