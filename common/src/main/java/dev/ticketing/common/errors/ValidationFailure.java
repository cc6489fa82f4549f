package dev.ticketing.common.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 400 with one entry per failed rule, for checks Bean Validation cannot express (e.g. a password
 * length after trimming). Collect with {@link #builder()}, then {@link Builder#throwIfAny()}.
 */
public class ValidationFailure extends ApiException {

    private static final long serialVersionUID = 1L;

    private final List<ApiError> errors;

    public ValidationFailure(List<ApiError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** One failed rule on one field. */
    public static ValidationFailure of(String field, String message) {
        return new ValidationFailure(List.of(ApiError.onField(field, message)));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public List<ApiError> errors() {
        return errors;
    }

    private static String summary(List<ApiError> errors) {
        Objects.requireNonNull(errors, "errors");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("A validation failure needs at least one error");
        }
        return errors.get(0).message()
                + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : "");
    }

    /** Collects failed rules in the order they were checked. */
    public static final class Builder {
        private final List<ApiError> errors = new ArrayList<>();

        private Builder() {}

        /** Records a failed rule on {@code field}. */
        public Builder add(String field, String message) {
            errors.add(ApiError.onField(field, message));
            return this;
        }

        /** Records a failed rule on {@code field} when {@code failed} is true. */
        public Builder addIf(boolean failed, String field, String message) {
            return failed ? add(field, message) : this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        /** Throws a {@link ValidationFailure} with every recorded rule, if any was recorded. */
        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationFailure(errors);
            }
        }
    }
}
