package dev.ticketing.auth.api;

import dev.ticketing.auth.domain.Account;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed-up or signed-in user: {@code {"id","email"}}. */
@Schema(name = "User")
public record UserResponse(
        @Schema(example = "3f1c2a9e-8d4b-4c1e-9a57-2b6f0d1e4c88") String id,
        @Schema(example = "buyer@example.com") String email) {

    static UserResponse of(Account account) {
        return new UserResponse(account.id(), account.email());
    }
}
