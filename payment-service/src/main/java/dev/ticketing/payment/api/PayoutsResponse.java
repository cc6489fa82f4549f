package dev.ticketing.payment.api;

import dev.ticketing.payment.checkout.Payouts;
import dev.ticketing.payment.domain.Payout;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code {"payouts":[...],"pending","paid"}}: a seller's payouts, newest sale first, and the totals
 * of what is still to come and what was transferred (docs/api.md, "Delivery and payouts"). Money is
 * written as a string with two places, as the contract shows it.
 */
@JsonbPropertyOrder({"payouts", "pending", "paid", "account"})
@Schema(name = "PayoutsResponse")
public record PayoutsResponse(
        List<Item> payouts,
        @Schema(description = "The net of the payouts still to come", example = "72.00")
                String pending,
        @Schema(description = "The net transferred so far", example = "0.00") String paid,
        @Schema(description = "The seller's Stripe connected account; absent until named")
                String account) {

    /** One payout, for one completed sale. */
    @JsonbPropertyOrder({
        "ticketId",
        "orderId",
        "amount",
        "fee",
        "net",
        "status",
        "releaseAt",
        "paidAt"
    })
    @Schema(name = "Payout")
    public record Item(
            String ticketId,
            String orderId,
            @Schema(description = "What the buyer paid", example = "80.00") String amount,
            @Schema(description = "The marketplace's fee", example = "8.00") String fee,
            @Schema(description = "What the seller receives", example = "72.00") String net,
            @Schema(enumeration = {"pending", "paid", "cancelled"}) String status,
            @Schema(description = "When it is (or was) released, ISO-8601 UTC") Instant releaseAt,
            @Schema(description = "When it was transferred; absent until then") Instant paidAt) {

        static Item of(Payout p) {
            return new Item(
                    p.ticketId(),
                    p.orderId(),
                    money(p.amountCents()),
                    money(p.feeCents()),
                    money(p.netCents()),
                    p.status().shown(),
                    p.releaseAt(),
                    p.paidAt());
        }
    }

    static PayoutsResponse of(List<Payout> payouts, String account) {
        long pending = 0;
        long paid = 0;
        for (Payout p : payouts) {
            if (p.isOwed()) {
                pending += p.netCents();
            } else if (p.status() == Payout.Status.PAID) {
                paid += p.netCents();
            }
        }
        return new PayoutsResponse(
                payouts.stream().map(Item::of).toList(), money(pending), money(paid), account);
    }

    private static String money(long cents) {
        BigDecimal units = Payouts.units(cents);
        return units.toPlainString();
    }
}
