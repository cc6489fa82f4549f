package dev.ticketing.common.listing;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the ticket sits, as the seller describes it; each part optional (a standing ticket has
 * none, a numbered seat all three). Null parts are unknown (and left out on the wire).
 */
@JsonbPropertyOrder({"section", "row", "number"})
@Schema(name = "ListingSeat", description = "Where the ticket sits; unknown parts are left out")
public record Seat(
        @Schema(description = "Section, block or area", example = "A") String section,
        @Schema(description = "Row", example = "3") String row,
        @Schema(description = "Seat number", example = "14") String number) {

    /** A seat with at least one known part, or null when none is known. */
    public static Seat of(String section, String row, String number) {
        return section == null && row == null && number == null
                ? null
                : new Seat(section, row, number);
    }
}
