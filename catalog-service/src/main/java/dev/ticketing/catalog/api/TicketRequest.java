package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Price;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.openapi.SharedExamples;
import dev.ticketing.common.text.Text;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /api/tickets. The price is kept as the JSON value it was sent as, so
 * that only a JSON number is accepted ("12.50" in quotes is refused, not converted).
 */
@Schema(description = "A ticket's title and price", example = OpenApiExamples.TICKET_REQUEST)
public record TicketRequest(
        @Schema(example = SharedExamples.TICKET_TITLE, maxLength = TicketRequest.TITLE_MAX)
                String title,
        @Schema(
                        type = SchemaType.NUMBER,
                        example = SharedExamples.TICKET_PRICE,
                        description = "A JSON number greater than 0, at most 2 decimal places")
                JsonValue price) {

    /** The longest title, in characters, after cleaning (docs/api.md, "Hardening"). */
    public static final int TITLE_MAX = 200;

    /** The title as stored: NFC, without surrounding white space or invisible characters. */
    String cleanTitle() {
        return Text.clean(title);
    }

    /** The price, once {@link #validate} accepted the body. */
    BigDecimal priceValue() {
        return ((JsonNumber) price).bigDecimalValue();
    }

    /**
     * Every broken rule at once, with the messages of the original API: the same rules for a new
     * ticket and an edit, but an edit's price message also says the price must be provided.
     */
    static void validate(TicketRequest body, boolean edit) {
        String title = body == null ? null : Text.clean(body.title());
        JsonValue price = body == null ? null : body.price();
        String priceMissing =
                edit
                        ? "Price must be provided and must be greater than 0"
                        : "Price must be greater than 0";
        ValidationFailure.Builder failures = ValidationFailure.builder();
        Text.problem(title, TITLE_MAX)
                .ifPresent(
                        problem ->
                                failures.add(
                                        "title",
                                        switch (problem) {
                                            case EMPTY -> "Title is required";
                                            case TOO_LONG ->
                                                    "Title must be at most "
                                                            + TITLE_MAX
                                                            + " characters";
                                            case UNPRINTABLE ->
                                                    "Title must not contain control or direction-changing characters";
                                        }));
        if (price == null || price.getValueType() == JsonValue.ValueType.NULL) {
            failures.add("price", priceMissing);
        } else if (!(price instanceof JsonNumber number)) {
            failures.add("price", "Price must be a number");
        } else {
            Price.problem(number.bigDecimalValue())
                    .ifPresent(
                            problem ->
                                    failures.add(
                                            "price",
                                            problem.startsWith("Price must be greater")
                                                    ? priceMissing
                                                    : problem));
        }
        failures.throwIfAny();
    }
}
