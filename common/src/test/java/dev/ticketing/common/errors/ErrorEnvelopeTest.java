package dev.ticketing.common.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorEnvelopeTest {

    @Test
    void fieldIsOmittedWhenNull() {
        ErrorEnvelope envelope =
                ErrorEnvelope.of(
                        List.of(
                                ApiError.onField("email", "Email must be valid"),
                                ApiError.of("Email in use")));
        assertEquals(
                "{\"errors\":[{\"message\":\"Email must be valid\",\"field\":\"email\"},"
                        + "{\"message\":\"Email in use\"}]}",
                envelope.toJson());
    }

    @Test
    void textIsEscapedAndAscii() {
        assertEquals(
                "{\"errors\":[{\"message\":\"a \\\"b\\\" \\\\ c\\n\\u00e9\\u20ac\\u0001\"}]}",
                ErrorEnvelope.of("a \"b\" \\ c\n\u00e9\u20ac\u0001").toJson());
    }

    @Test
    void jsonbReadsAndWritesTheSameShape() throws Exception {
        ErrorEnvelope envelope =
                ErrorEnvelope.of(
                        List.of(
                                ApiError.onField("price", "Price must be greater than 0"),
                                ApiError.of("Caf\u00e9 \"closed\"")));
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals(envelope, jsonb.fromJson(envelope.toJson(), ErrorEnvelope.class));
            ErrorEnvelope ascii =
                    ErrorEnvelope.of(
                            List.of(
                                    ApiError.onField("title", "Title is required"),
                                    ApiError.of("x")));
            assertEquals(ascii.toJson(), jsonb.toJson(ascii));
        }
    }

    @Test
    void anErrorNeedsAMessage() {
        assertThrows(NullPointerException.class, () -> ApiError.of(null));
        assertThrows(IllegalArgumentException.class, () -> new BusinessRuleException(" "));
        assertThrows(IllegalArgumentException.class, () -> new ValidationFailure(List.of()));
    }
}
