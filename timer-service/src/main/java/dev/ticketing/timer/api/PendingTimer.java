package dev.ticketing.timer.api;

import dev.ticketing.timer.domain.Expiry;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pending expiry as the admin view shows it. */
@JsonbPropertyOrder({"orderId", "dueAt"})
@Schema(name = "PendingTimer", example = OpenApiExamples.TIMER)
public record PendingTimer(
        @Schema(description = "The order whose hold expires") String orderId,
        @Schema(description = "When the timer fires (ISO-8601 UTC)") Instant dueAt) {

    static PendingTimer of(Expiry expiry) {
        return new PendingTimer(expiry.orderId(), expiry.dueAt());
    }
}
