package dev.ticketing.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /signup body. */
@Schema(name = "SignUp", description = "A new account's credentials")
public record SignUpRequest(
        @Schema(example = "buyer@example.com") @EmailFormat String email,
        @Schema(
                        example = "correct-horse-battery",
                        minLength = 8,
                        maxLength = 128,
                        description = "8 to 128 characters, not a commonly used password")
                @NewPassword
                String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + "]";
    }
}
