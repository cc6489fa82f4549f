package dev.ticketing.timer.api;

import static dev.ticketing.common.openapi.SharedExamples.ORDER_EXPIRES_AT;
import static dev.ticketing.common.openapi.SharedExamples.ORDER_ID;

/**
 * The JSON examples of the OpenAPI document: what the pending-timer routes really answer, kept here
 * so the resource stays readable. Constants, as annotations need them.
 */
final class OpenApiExamples {
    static final String TIMER =
            "{\"orderId\":\"" + ORDER_ID + "\",\"dueAt\":\"" + ORDER_EXPIRES_AT + "\"}";
    static final String TIMERS =
            "["
                    + TIMER
                    + ",{\"orderId\":\"665f1d6b9b1e8a3d4c5b6a84\",\"dueAt\":\"2026-03-01T12:47:31.208Z\"}]";

    private OpenApiExamples() {}
}
