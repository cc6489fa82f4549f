package dev.ticketing.auth.api;

import static dev.ticketing.common.openapi.SharedExamples.BUYER_ID;

/**
 * The JSON examples of the OpenAPI document: what the user routes really take and answer
 * (docs/api.md's auth-service table), kept here so the resource stays readable. Constants, as
 * annotations need them; the user is common's {@code SharedExamples} buyer.
 */
final class OpenApiExamples {
    static final String EMAIL = "buyer@example.com";
    static final String CREDENTIALS =
            "{\"email\":\"" + EMAIL + "\",\"password\":\"correct-horse-battery\"}";
    static final String USER = "{\"id\":\"" + BUYER_ID + "\",\"email\":\"" + EMAIL + "\"}";
    static final String CURRENT_USER =
            "{\"currentUser\":{\"id\":\""
                    + BUYER_ID
                    + "\",\"email\":\""
                    + EMAIL
                    + "\",\"iat\":1767225600}}";

    static final String THROTTLED = "{\"errors\":[{\"message\":\"Too many requests\"}]}";
    static final String EMAIL_INVALID =
            "{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"}]}";
    static final String PASSWORD_LENGTH =
            "{\"errors\":[{\"message\":\"Password must be between 8 and 128 characters\",\"field\":\"password\"}]}";
    static final String PASSWORD_COMMON =
            "{\"errors\":[{\"message\":\"Password is too common: choose one that is harder to guess\",\"field\":\"password\"}]}";
    static final String EVERY_RULE =
            "{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"},"
                    + "{\"message\":\"Password must be between 8 and 128 characters\",\"field\":\"password\"}]}";
    static final String EMAIL_IN_USE_ERROR = "{\"errors\":[{\"message\":\"Email in use\"}]}";
    static final String PASSWORD_MISSING =
            "{\"errors\":[{\"message\":\"You must supply a password\",\"field\":\"password\"}]}";
    static final String CREDENTIALS_INVALID =
            "{\"errors\":[{\"message\":\"Invalid credentials\"}]}";

    private OpenApiExamples() {}
}
