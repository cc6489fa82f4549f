package dev.ticketing.auth.api;

import dev.ticketing.auth.security.SessionToken;
import dev.ticketing.common.openapi.SharedExamples;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"currentUser":{"id","email","iat"}}}, or {@code {"currentUser":null}} when anonymous. */
@Schema(name = "CurrentUserReply")
public record CurrentUserResponse(@Schema(nullable = true) CurrentUser currentUser) {

    /**
     * The signed-in user as the session token states it; {@code iat} in seconds since the epoch.
     */
    @Schema(name = "CurrentUser")
    public record CurrentUser(
            @Schema(example = SharedExamples.BUYER_ID) String id,
            @Schema(example = OpenApiExamples.EMAIL) String email,
            @Schema(example = "1767225600") long iat) {}

    /**
     * The JSON, written with JSON-P: JSON-B leaves null properties out (and Yasson ignores a
     * type-level {@code @JsonbNillable} on records), but the contract wants {@code
     * "currentUser":null}.
     */
    JsonObject toJson() {
        if (currentUser == null) {
            return Json.createObjectBuilder().addNull("currentUser").build();
        }
        return Json.createObjectBuilder()
                .add(
                        "currentUser",
                        Json.createObjectBuilder()
                                .add("id", currentUser.id())
                                .add("email", currentUser.email())
                                .add("iat", currentUser.iat()))
                .build();
    }

    static CurrentUserResponse anonymous() {
        return new CurrentUserResponse(null);
    }

    static CurrentUserResponse of(SessionToken session) {
        return new CurrentUserResponse(
                new CurrentUser(
                        session.userId(), session.email(), session.issuedAt().getEpochSecond()));
    }
}
