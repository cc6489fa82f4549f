package dev.ticketing.catalog.store;

import dev.ticketing.catalog.domain.SalePayout;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.math.BigDecimal;
import java.util.Date;
import org.bson.types.Decimal128;

/**
 * The stored form of a {@link SalePayout}, mapped by Jakarta NoSQL: one document per sale, its id
 * the order's. A part no event has carried yet is absent or null (a cancellation that overtook the
 * payout's creation knows no amounts), which the driver's fill-in in {@link SalePayoutStore}
 * matches either way.
 */
@Entity(SalePayoutStore.COLLECTION)
public class SalePayoutDocument {

    @Id private String id;

    @Column private String ticketId;

    @Column private Decimal128 amount;

    @Column private Decimal128 fee;

    @Column private Decimal128 net;

    @Column(SalePayoutStore.RELEASE_AT)
    private Date releaseAt;

    /** Its status's wire name: pending, paid or cancelled. */
    @Column(SalePayoutStore.STATUS)
    private String status;

    public SalePayoutDocument() {}

    static SalePayoutDocument of(SalePayout payout) {
        SalePayoutDocument d = new SalePayoutDocument();
        d.id = payout.orderId();
        d.ticketId = payout.ticketId();
        d.amount = decimal(payout.amount());
        d.fee = decimal(payout.fee());
        d.net = decimal(payout.net());
        d.releaseAt = payout.releaseAt() == null ? null : Date.from(payout.releaseAt());
        d.status = payout.status().wireName();
        return d;
    }

    SalePayout toPayout() {
        return new SalePayout(
                id,
                ticketId,
                amount(amount),
                amount(fee),
                amount(net),
                SalePayout.Status.of(status),
                releaseAt == null ? null : releaseAt.toInstant());
    }

    String id() {
        return id;
    }

    SalePayout.Status status() {
        return SalePayout.Status.of(status);
    }

    static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal amount(Decimal128 value) {
        return value == null ? null : value.bigDecimalValue();
    }
}
