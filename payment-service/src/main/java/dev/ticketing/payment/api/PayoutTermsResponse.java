package dev.ticketing.payment.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {"feePercent","releaseDelay"}}, and with a price asked about, {@code "price","fee","net"}:
 * the terms sellers are paid on, and what they mean for that price.
 */
@JsonbPropertyOrder({"feePercent", "releaseDelay", "price", "fee", "net"})
@Schema(
        name = "PayoutTerms",
        example =
                "{\"feePercent\":\"10\",\"releaseDelay\":\"PT48H\",\"price\":\"80.50\","
                        + "\"fee\":\"8.05\",\"net\":\"72.45\"}")
public record PayoutTermsResponse(
        @Schema(description = "The marketplace's fee, a percentage of the price") String feePercent,
        @Schema(description = "After the event's start, ISO-8601") String releaseDelay,
        @Schema(description = "The price asked about; absent without one") String price,
        @Schema(description = "The fee on that price") String fee,
        @Schema(description = "What the seller receives of that price") String net) {}
