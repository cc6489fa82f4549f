package dev.ticketing.auth.api;

import dev.ticketing.auth.domain.Account;
import dev.ticketing.common.openapi.SharedExamples;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The signed-up or signed-in user: {@code {"id","email"}}. */
@Schema(name = "User")
public record UserResponse(
        @Schema(example = SharedExamples.BUYER_ID) String id,
        @Schema(example = OpenApiExamples.EMAIL) String email) {

    static UserResponse of(Account account) {
        return new UserResponse(account.id(), account.email());
    }
}
