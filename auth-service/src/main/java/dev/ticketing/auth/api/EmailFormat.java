package dev.ticketing.auth.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A present, well-formed email with a dot in its domain (as the original app's validator required),
 * of at most 254 characters (RFC 5321), reported as the one message "Email must be valid" however
 * many of its parts fail.
 */
@NotBlank
@Size(max = 254)
@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailFormat {
    String message() default "Email must be valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
