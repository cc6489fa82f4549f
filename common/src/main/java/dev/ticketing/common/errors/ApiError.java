package dev.ticketing.common.errors;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Objects;

/**
 * One entry of the error envelope: a message for people and, for a validation failure, the JSON
 * field it is about ({@code null} otherwise, and then left out of the JSON).
 */
@JsonbPropertyOrder({"message", "field"})
public record ApiError(String message, String field) {

    public ApiError {
        Objects.requireNonNull(message, "message");
    }

    /** An error about the request as a whole, e.g. {@code "Ticket is already reserved"}. */
    public static ApiError of(String message) {
        return new ApiError(message, null);
    }

    /** An error about one JSON field, e.g. {@code onField("email", "Email must be valid")}. */
    public static ApiError onField(String field, String message) {
        return new ApiError(message, field);
    }
}
