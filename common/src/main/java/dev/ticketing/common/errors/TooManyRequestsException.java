package dev.ticketing.common.errors;

import java.time.Duration;
import java.util.Objects;

/**
 * 429 with a {@code Retry-After} header (whole seconds, at least 1): a throttle refused the
 * request.
 */
public class TooManyRequestsException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        this(Problems.TOO_MANY_REQUESTS, retryAfter);
    }

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"));
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public int status() {
        return 429;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value: the wait rounded up to whole seconds, at least 1. */
    public long retryAfterSeconds() {
        if (retryAfter.isNegative()) {
            return 1;
        }
        return Math.max(1, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
    }
}
