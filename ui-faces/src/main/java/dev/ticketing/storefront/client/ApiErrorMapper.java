package dev.ticketing.storefront.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns any error status into an {@link ApiException} holding the envelope's messages. A body that
 * is not the envelope (a proxy's error page, an API not deployed) still yields one readable
 * message, so the visitor never sees a raw response.
 */
public class ApiErrorMapper implements ResponseExceptionMapper<ApiException> {

    @Override
    public ApiException toThrowable(Response response) {
        int status = response.getStatus();
        List<ApiError> errors = envelopeOf(response);
        Duration retryAfter = retryAfter(response.getHeaderString("Retry-After"));
        return errors.isEmpty()
                ? new ApiException(
                        status,
                        List.of(new ApiError(genericMessage(status), null)),
                        false,
                        retryAfter)
                : new ApiException(status, errors, true, retryAfter);
    }

    /** Retry-After in seconds (the only form the APIs send); null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The envelope's entries, or none when the body is not the envelope. */
    private static List<ApiError> envelopeOf(Response response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            try {
                ErrorEnvelope envelope = response.readEntity(ErrorEnvelope.class);
                if (envelope != null && envelope.errors() != null) {
                    return envelope.errors();
                }
            } catch (RuntimeException unreadable) {
                // not the envelope: the status alone still says what happened
            }
        }
        return List.of();
    }

    static String genericMessage(int status) {
        return switch (status) {
            case 401 -> "Not authorized";
            case 404 -> "Not Found";
            case 429 -> "Too many attempts. Please wait a minute and try again.";
            default ->
                    status >= 500
                            ? "Something went wrong on our side. Please try again in a moment."
                            : "The request was refused (" + status + ").";
        };
    }
}
