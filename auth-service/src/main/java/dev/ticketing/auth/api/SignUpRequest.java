package dev.ticketing.auth.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /signup body. */
@Schema(name = "SignUp", description = "A new account's credentials")
public record SignUpRequest(
        @Schema(example = "buyer@example.com") @EmailFormat String email,
        @Schema(example = "correct-horse", minLength = 4, maxLength = 20) @NewPassword String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + "]";
    }
}
