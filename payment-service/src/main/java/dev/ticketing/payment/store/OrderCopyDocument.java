package dev.ticketing.payment.store;

import dev.ticketing.payment.domain.OrderCopy;
import dev.ticketing.payment.domain.OrderStatus;
import dev.ticketing.payment.domain.Payment;
import dev.ticketing.payment.domain.Payout;
import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.time.Instant;
import java.util.Date;

/**
 * The stored form of an {@link OrderCopy}, mapped by Jakarta NoSQL for reading. Every write is the
 * driver's ({@link OrderCopyStore}): each is conditional, and a copy's absent fields are what its
 * {@code $exists} filters test (JNoSQL would write them as null). Fields are null, and the
 * embeddables empty, where the event that made the copy did not carry them.
 */
@Entity(OrderCopyStore.COLLECTION)
public class OrderCopyDocument {

    @Id private String id;
    @Column private long version;

    /** The status's wire name ("created", "cancelled", ...). */
    @Column private String status;

    @Column private String userId;
    @Column private long priceCents;
    @Column private String ticketId;
    @Column private String sellerId;
    @Column private Date eventStartsAt;
    @Column private PaymentMade payment;
    @Column private PayoutOwed payout;

    public OrderCopyDocument() {}

    /** The payment recorded for the order: one charge, and its refund once one is made. */
    @Embeddable(Embeddable.EmbeddableType.GROUPING)
    public static class PaymentMade {
        @Column private String id;
        @Column private String orderId;
        @Column private String stripeId;
        @Column private long amountCents;
        @Column private String currency;
        @Column private Date createdAt;
        @Column private String refundId;

        public PaymentMade() {}

        /**
         * The payment, or null: JNoSQL fills an absent one in from the parent's fields of the same
         * names, and the copy has no {@code id} of its own (its id is {@code _id}).
         */
        Payment toPayment() {
            return id == null
                    ? null
                    : new Payment(
                            id,
                            orderId,
                            stripeId,
                            amountCents,
                            currency,
                            createdAt == null ? Instant.EPOCH : createdAt.toInstant(),
                            refundId);
        }
    }

    /** The seller's payout for the sale, as its round moves it. */
    @Embeddable(Embeddable.EmbeddableType.GROUPING)
    public static class PayoutOwed {
        @Column private String orderId;
        @Column private String ticketId;
        @Column private String sellerId;
        @Column private long amountCents;
        @Column private long feeCents;
        @Column private String status;
        @Column private Date releaseAt;
        @Column private Date createdAt;
        @Column private String transferId;
        @Column private Date paidAt;

        public PayoutOwed() {}

        /**
         * The payout, or null for a copy that owes none. JNoSQL fills an absent grouped
         * sub-document in from the parent's fields of the same names (this one's status would be
         * the order's), so absence shows in {@code releaseAt}, which only a payout has.
         */
        Payout toPayout() {
            return releaseAt == null
                    ? null
                    : new Payout(
                            orderId,
                            ticketId,
                            sellerId,
                            amountCents,
                            feeCents,
                            Payout.Status.of(status),
                            releaseAt.toInstant(),
                            createdAt.toInstant(),
                            transferId,
                            paidAt == null ? null : paidAt.toInstant());
        }
    }

    OrderCopy toCopy() {
        return new OrderCopy(
                id,
                version,
                OrderStatus.of(status),
                userId,
                priceCents,
                ticketId,
                sellerId,
                eventStartsAt == null ? null : eventStartsAt.toInstant(),
                payment == null ? null : payment.toPayment(),
                payout == null ? null : payout.toPayout());
    }
}
