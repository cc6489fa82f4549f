package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Price;
import dev.ticketing.common.errors.ValidationFailure;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /api/tickets. */
@Schema(description = "A ticket's title and price", example = "{\"title\":\"Concert, row 5\",\"price\":25.50}")
public record TicketRequest(
        @Schema(example = "Concert, row 5") String title,
        @Schema(example = "25.50", description = "Greater than 0, at most 2 decimal places") BigDecimal price) {

    /** The title as stored: trimmed. */
    String cleanTitle() {
        return title.trim();
    }

    /**
     * Every broken rule at once, with the messages of the original API: the same rules for a new
     * ticket and an edit, but an edit's price message also says the price must be provided.
     */
    static void validate(TicketRequest body, boolean edit) {
        String title = body == null ? null : body.title();
        BigDecimal price = body == null ? null : body.price();
        String priceMissing = edit ? "Price must be provided and must be greater than 0" : "Price must be greater than 0";
        ValidationFailure.Builder failures = ValidationFailure.builder()
                .addIf(title == null || title.isBlank(), "title", "Title is required");
        if (price == null) {
            failures.add("price", priceMissing);
        } else {
            Price.problem(price).ifPresent(problem -> failures.add("price",
                    problem.startsWith("Price must be greater") ? priceMissing : problem));
        }
        failures.throwIfAny();
    }
}
