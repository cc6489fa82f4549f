package dev.ticketing.timer.api;

import static dev.ticketing.timer.api.OpenApiExamples.TIMER;
import static dev.ticketing.timer.api.OpenApiExamples.TIMERS;

import dev.ticketing.common.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.models.Components;

/** What the internal timer routes answer (docs/api.md, timer-service), named for the routes. */
public class TimerApiDocs extends ApiDocs {
    static final String PENDING = "PendingTimers";
    static final String ONE_PENDING = "PendingTimerShown";

    public TimerApiDocs() {
        super(
                "timer-service",
                "Order expiry with persistent EJB timers; a read-only view of pending timers.");
    }

    @Override
    protected void describe(Components components) {
        components
                .addResponse(
                        PENDING,
                        reply(
                                "Order id and due time of every pending timer",
                                listOf(PendingTimer.class),
                                example("pending", TIMERS),
                                example("none pending", "[]")))
                .addResponse(
                        ONE_PENDING,
                        reply(
                                "The order's timer",
                                schema(PendingTimer.class),
                                example("pending", TIMER)));
    }
}
