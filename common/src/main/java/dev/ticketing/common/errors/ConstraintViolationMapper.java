package dev.ticketing.common.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Bean Validation on resource parameters and bodies: 400, one entry per violation, {@code field}
 * the JSON field name ({@link FieldNames}), {@code message} the constraint's message. A violated
 * return value is the server's bug: a logged 500.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Comparator<ApiError> ORDER =
            Comparator.comparing(ApiError::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ApiError::message);

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return map(exception);
    }

    /** For the catch-all, which only knows the exception by name. */
    static Response fromThrowable(Throwable exception) {
        return map((ConstraintViolationException) exception);
    }

    /**
     * The envelope entries for {@code violations}, sorted by field then message, without
     * duplicates.
     */
    public static List<ApiError> errors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(
                        v ->
                                ApiError.onField(
                                        FieldNames.of(v),
                                        Objects.requireNonNullElse(
                                                v.getMessage(), "Invalid value")))
                .distinct()
                .sorted(ORDER)
                .toList();
    }

    private static Response map(ConstraintViolationException exception) {
        Set<ConstraintViolation<?>> violations = exception.getConstraintViolations();
        if (violations == null
                || violations.isEmpty()
                || violations.stream().anyMatch(ConstraintViolationMapper::onReturnValue)) {
            return Problems.unexpected(exception);
        }
        ErrorResponses.clientError(400, exception);
        return Problems.validation(errors(violations));
    }

    private static boolean onReturnValue(ConstraintViolation<?> violation) {
        Path path = violation.getPropertyPath();
        if (path == null) {
            return false;
        }
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
