package dev.ticketing.auth.api;

import dev.ticketing.auth.domain.Password;
import dev.ticketing.auth.security.CommonPasswords;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password: 8 to 128 characters after trimming, not a common one; the message names the rule
 * it breaks (a missing one breaks the length rule).
 */
@Constraint(validatedBy = NewPassword.Validator.class)
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPassword {
    String message() default Password.LENGTH_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Delegates to the domain rule, so the rule is stated once. */
    class Validator implements ConstraintValidator<NewPassword, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Password.brokenRule(value, CommonPasswords::isCommon)
                    .map(
                            rule -> {
                                context.disableDefaultConstraintViolation();
                                context.buildConstraintViolationWithTemplate(rule)
                                        .addConstraintViolation();
                                return false;
                            })
                    .orElse(true);
        }
    }
}
