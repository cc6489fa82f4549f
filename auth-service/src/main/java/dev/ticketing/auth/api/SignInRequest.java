package dev.ticketing.auth.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /signin body. */
@Schema(name = "SignIn", description = "An existing account's credentials")
public record SignInRequest(
        @Schema(example = "buyer@example.com") @EmailFormat String email,
        @Schema(example = "correct-horse") @NotBlank(message = "You must supply a password")
                String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SignInRequest[email=" + email + "]";
    }
}
