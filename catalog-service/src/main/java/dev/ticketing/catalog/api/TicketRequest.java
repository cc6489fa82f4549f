package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.Price;
import dev.ticketing.common.errors.ValidationFailure;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import dev.ticketing.common.openapi.SharedExamples;
import dev.ticketing.common.text.Text;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST and PUT /api/tickets. The price is kept as the JSON value it was sent as, so
 * that only a JSON number is accepted ("12.50" in quotes is refused, not converted).
 */
@Schema(
        description = "A ticket's title and price, and the event and seat when known",
        example = OpenApiExamples.TICKET_REQUEST)
public record TicketRequest(
        @Schema(example = SharedExamples.TICKET_TITLE, maxLength = TicketRequest.TITLE_MAX)
                String title,
        @Schema(
                        type = SchemaType.NUMBER,
                        example = SharedExamples.TICKET_PRICE,
                        description = "A JSON number greater than 0, at most 2 decimal places")
                JsonValue price,
        @Schema(
                        description =
                                "What the ticket is for: all four fields required when given; an"
                                        + " edit without it keeps the listing's")
                EventPart event,
        @Schema(
                        description =
                                "Where the ticket sits, each part optional; an edit without it keeps"
                                        + " the listing's")
                SeatPart seat) {

    /** The longest title, in characters, after cleaning (docs/api.md, "Hardening"). */
    public static final int TITLE_MAX = 200;

    /** The longest event name and venue. */
    public static final int NAME_MAX = 200;

    /** The longest city. */
    public static final int CITY_MAX = 100;

    /** The longest section, row or seat number. */
    public static final int SEAT_PART_MAX = 40;

    /** What JSON-B reads a body with (the record has a second constructor). */
    @JsonbCreator
    public TicketRequest {}

    /** The old contract's body: a title and a price. */
    public TicketRequest(String title, JsonValue price) {
        this(title, price, null, null);
    }

    /** The event of a listing as sent: its start is text until it is checked. */
    @Schema(name = "TicketEventInput")
    public record EventPart(
            @Schema(example = "Night Sky Tour", maxLength = NAME_MAX) String name,
            @Schema(example = "Arena", maxLength = NAME_MAX) String venue,
            @Schema(example = "Lyon", maxLength = CITY_MAX) String city,
            @Schema(
                            example = "2027-05-01T19:30:00Z",
                            description = "ISO-8601 date and time with its offset, in the future")
                    String startsAt) {}

    /** The seat of a listing as sent. */
    @Schema(name = "TicketSeatInput")
    public record SeatPart(
            @Schema(example = "A", maxLength = SEAT_PART_MAX) String section,
            @Schema(example = "3", maxLength = SEAT_PART_MAX) String row,
            @Schema(example = "14", maxLength = SEAT_PART_MAX) String number) {}

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
        if (body != null && body.event() != null) {
            checkEvent(body.event(), failures);
        }
        if (body != null && body.seat() != null) {
            checkSeat(body.seat(), failures);
        }
        failures.throwIfAny();
    }

    /** The event, once {@link #validate} accepted the body; null when none was sent. */
    Event eventValue() {
        if (event == null) {
            return null;
        }
        return new Event(
                Text.clean(event.name()),
                Text.clean(event.venue()),
                Text.clean(event.city()),
                instant(event.startsAt()));
    }

    /** The seat, once {@link #validate} accepted the body; null when none (or no part) was sent. */
    Seat seatValue() {
        if (seat == null) {
            return null;
        }
        return Seat.of(part(seat.section()), part(seat.row()), part(seat.number()));
    }

    private static void checkEvent(EventPart event, ValidationFailure.Builder failures) {
        required(failures, "event.name", "Event name", event.name(), NAME_MAX);
        required(failures, "event.venue", "Venue", event.venue(), NAME_MAX);
        required(failures, "event.city", "City", event.city(), CITY_MAX);
        String startsAt = Text.clean(event.startsAt());
        if (startsAt == null || startsAt.isEmpty()) {
            failures.add("event.startsAt", "Event start is required");
            return;
        }
        Instant start = instant(startsAt);
        if (start == null) {
            failures.add(
                    "event.startsAt",
                    "Event start must be an ISO-8601 date and time with its offset, such as"
                            + " 2027-03-01T19:30:00Z");
            return;
        }
        Event.problem(start, Instant.now()).ifPresent(p -> failures.add("event.startsAt", p));
    }

    private static void checkSeat(SeatPart seat, ValidationFailure.Builder failures) {
        optional(failures, "seat.section", "Section", seat.section());
        optional(failures, "seat.row", "Row", seat.row());
        optional(failures, "seat.number", "Seat number", seat.number());
    }

    private static void required(
            ValidationFailure.Builder failures, String field, String label, String raw, int max) {
        Text.problem(Text.clean(raw), max)
                .ifPresent(problem -> failures.add(field, message(label, problem, max)));
    }

    /** An optional part: nothing (or only white space) is no value, anything else is checked. */
    private static void optional(
            ValidationFailure.Builder failures, String field, String label, String raw) {
        String cleaned = part(raw);
        if (cleaned != null) {
            Text.problem(cleaned, SEAT_PART_MAX)
                    .ifPresent(
                            problem -> failures.add(field, message(label, problem, SEAT_PART_MAX)));
        }
    }

    private static String message(String label, Text.Problem problem, int max) {
        return switch (problem) {
            case EMPTY -> label + " is required";
            case TOO_LONG -> label + " must be at most " + max + " characters";
            case UNPRINTABLE ->
                    label + " must not contain control or direction-changing characters";
        };
    }

    private static String part(String raw) {
        String cleaned = Text.clean(raw);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** An ISO-8601 instant, or a date and time with an offset; null when it is neither. */
    private static Instant instant(String text) {
        String value = Text.clean(text);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
