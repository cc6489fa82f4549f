package dev.ticketing.common.errors;

import java.util.List;
import java.util.Objects;

/**
 * The body of every error response: {@code {"errors":[{"message":"...","field":"..."}]}}. JSON-B
 * reads and writes it as is (clients such as the storefront use that); {@link #toJson()} writes it
 * without needing a JSON provider.
 */
public record ErrorEnvelope(List<ApiError> errors) {

    public ErrorEnvelope {
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    public static ErrorEnvelope of(String message) {
        return new ErrorEnvelope(List.of(ApiError.of(message)));
    }

    public static ErrorEnvelope of(List<ApiError> errors) {
        return new ErrorEnvelope(errors);
    }

    /**
     * The JSON text; a null field is omitted and non-ASCII is escaped, so the bytes are the same in
     * any charset.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(64).append("{\"errors\":[");
        for (int i = 0; i < errors.size(); i++) {
            ApiError error = errors.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"message\":");
            quote(json, error.message());
            if (error.field() != null) {
                json.append(",\"field\":");
                quote(json, error.field());
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
