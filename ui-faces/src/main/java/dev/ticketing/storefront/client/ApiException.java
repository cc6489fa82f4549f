package dev.ticketing.storefront.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An API answered with an error status. Carries the envelope's entries so pages can show each
 * message next to the field it names, and the rest above the form.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The API's words for "cannot serve now, try again" (503). */
    private static final String SERVICE_UNAVAILABLE = "Service unavailable";

    private final int status;
    private final transient List<ApiError> errors;
    private final boolean enveloped;
    private final transient Duration retryAfter;

    /**
     * @param enveloped whether the body was docs/api.md's error envelope. When it was not, the
     *     answer came from something in front of the API (a proxy, or no API deployed at that
     *     path): the API itself is unavailable, whatever the status says.
     */
    public ApiException(int status, List<ApiError> errors, boolean enveloped) {
        this(status, errors, enveloped, null);
    }

    /**
     * @param retryAfter the answer's Retry-After (a throttled request), or null
     */
    public ApiException(int status, List<ApiError> errors, boolean enveloped, Duration retryAfter) {
        super("API answered " + status + ": " + errors);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.enveloped = enveloped;
        this.retryAfter = retryAfter;
    }

    /** How long the API asked the visitor to wait (429 Too many requests). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isThrottled() {
        return status == 429;
    }

    /**
     * The marketplace cannot serve now, and the visitor should try again in a moment: something in
     * front of the API answered instead of it, or the API said 503 "Service unavailable", its words
     * when its store is away (docs/api.md, errors). A 503 with a sentence of its own (the payment
     * provider is unavailable) says more, and is shown as it is.
     */
    public boolean isUnreachable() {
        return !enveloped
                || (status == 503
                        && errors.size() == 1
                        && SERVICE_UNAVAILABLE.equals(errors.get(0).message()));
    }

    public int status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }

    /**
     * The API itself answered (with its error envelope), rather than whatever stands in front of
     * it.
     */
    public boolean isFromApi() {
        return enveloped;
    }

    /** The API says the resource does not exist (not: nothing answers at that path). */
    public boolean isNotFound() {
        return status == 404 && enveloped;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    /** True when one of the messages is exactly {@code message} (docs/api.md's fixed wording). */
    public boolean says(String message) {
        return errors.stream().anyMatch(e -> message.equals(e.message()));
    }
}
