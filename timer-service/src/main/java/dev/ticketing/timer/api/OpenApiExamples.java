package dev.ticketing.timer.api;

/**
 * The JSON examples of the OpenAPI document: what the pending-timer routes really answer, kept here
 * so the resource stays readable. Constants, as annotations need them.
 */
final class OpenApiExamples {
    static final String TIMER =
            "{\"orderId\":\"665f1d409b1e8a3d4c5b6a80\",\"dueAt\":\"2026-03-01T12:45:00.512Z\"}";
    static final String TIMERS =
            "["
                    + TIMER
                    + ",{\"orderId\":\"665f1d6b9b1e8a3d4c5b6a84\",\"dueAt\":\"2026-03-01T12:47:31.208Z\"}]";
    static final String NOT_FOUND = "{\"errors\":[{\"message\":\"Not Found\"}]}";

    private OpenApiExamples() {}
}
