package dev.ticketing.catalog.api;

import dev.ticketing.catalog.domain.SalePayout;
import dev.ticketing.catalog.domain.Ticket;
import dev.ticketing.common.listing.Event;
import dev.ticketing.common.listing.Seat;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ticket as the API shows it; {@code orderId} is left out while the ticket is free, {@code event}
 * and {@code seat} when the seller named none, {@code soldAt} until it is sold; {@code payout} only
 * on the seller's own sold listings ({@code GET /api/tickets/mine}), once payment-service has
 * announced it.
 */
@JsonbPropertyOrder({
    "id", "title", "price", "userId", "version", "orderId", "state", "soldAt", "event", "seat",
    "hasFile", "payout"
})
@Schema(example = OpenApiExamples.TICKET)
public record TicketResponse(
        @Schema(description = "The ticket's id") String id,
        @Schema(description = "What the ticket is for") String title,
        @Schema(description = "The price in dollars, at most 2 decimal places") BigDecimal price,
        @Schema(description = "The seller's user id") String userId,
        @Schema(description = "0 when listed, one more with every change") long version,
        @Schema(description = "The order holding the ticket; absent while it is free")
                String orderId,
        @Schema(
                        description =
                                "Where the listing is: on sale, reserved by an order, sold (paid"
                                        + " for), or withdrawn by its seller",
                        enumeration = {"on-sale", "reserved", "sold", "withdrawn"})
                String state,
        @Schema(description = "When the sale was recorded, ISO-8601 UTC; only on sold listings")
                Instant soldAt,
        @Schema(description = "What the ticket is for; absent when the seller named none")
                Event event,
        @Schema(description = "Where the ticket sits; absent when the seller described none")
                Seat seat,
        @Schema(
                        description =
                                "Whether the seller attached the ticket itself (GET"
                                        + " /api/tickets/{id}/file)")
                boolean hasFile,
        @Schema(
                        description =
                                "What the seller is paid for the sale: only on the seller's sold"
                                        + " listings (GET /api/tickets/mine)")
                Payout payout) {

    /** A sale's payout as docs/api.md shows it; money as strings with two places. */
    @JsonbPropertyOrder({"ticketId", "orderId", "amount", "fee", "net", "status", "releaseAt"})
    @Schema(name = "ListingPayout")
    public record Payout(
            String ticketId,
            String orderId,
            String amount,
            String fee,
            String net,
            @Schema(enumeration = {"pending", "paid", "cancelled"}) String status,
            Instant releaseAt) {

        static Payout of(SalePayout p) {
            return p == null
                    ? null
                    : new Payout(
                            p.ticketId(),
                            p.orderId(),
                            money(p.amount()),
                            money(p.fee()),
                            money(p.net()),
                            p.status().wireName(),
                            p.releaseAt());
        }

        private static String money(BigDecimal amount) {
            return amount == null ? null : amount.setScale(2).toPlainString();
        }
    }

    static TicketResponse of(Ticket t) {
        return of(t, null);
    }

    static TicketResponse of(Ticket t, SalePayout payout) {
        return new TicketResponse(
                t.id(),
                t.title(),
                t.price(),
                t.userId(),
                t.version(),
                t.orderId(),
                t.state().wireName(),
                t.soldAt(),
                t.event(),
                t.seat(),
                t.file() != null,
                Payout.of(payout));
    }
}
