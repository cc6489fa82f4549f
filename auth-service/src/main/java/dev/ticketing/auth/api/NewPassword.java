package dev.ticketing.auth.api;

import dev.ticketing.auth.domain.Password;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password: 4 to 20 characters after trimming (a missing one fails too). */
@Constraint(validatedBy = NewPassword.Validator.class)
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPassword {
    String message() default "Password must be between 4 and 20 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to the domain rule, so the rule is stated once. */
    class Validator implements ConstraintValidator<NewPassword, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && Password.hasValidLength(value);
        }
    }
}
