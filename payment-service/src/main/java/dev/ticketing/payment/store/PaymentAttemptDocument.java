package dev.ticketing.payment.store;

import dev.ticketing.payment.domain.PaymentAttempt;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Date;

/**
 * The stored form of a {@link PaymentAttempt}, mapped by Jakarta NoSQL (fields only: JNoSQL reads
 * and writes them by reflection). {@code _id} is the attempt's idempotency key, so a retried
 * request's insert is a duplicate key, never a second attempt.
 */
@Entity(PaymentAttemptStore.COLLECTION)
public class PaymentAttemptDocument {

    @Id private String key;
    @Column private String orderId;
    @Column private String buyerId;
    @Column private long amountCents;
    @Column private String currency;
    @Column private String paymentMethod;

    /** The {@link PaymentAttempt.State}'s name. */
    @Column private String state;

    @Column private String chargeId;
    @Column private String outcome;

    @Column private Date updatedAt;

    public PaymentAttemptDocument() {}

    static PaymentAttemptDocument of(PaymentAttempt a) {
        PaymentAttemptDocument d = new PaymentAttemptDocument();
        d.key = a.key();
        d.orderId = a.orderId();
        d.buyerId = a.buyerId();
        d.amountCents = a.amountCents();
        d.currency = a.currency();
        d.paymentMethod = a.paymentMethod();
        d.state = a.state().name();
        d.chargeId = a.chargeId();
        d.outcome = a.outcome();
        d.updatedAt = Date.from(a.updatedAt());
        return d;
    }

    PaymentAttempt toAttempt() {
        return new PaymentAttempt(
                key,
                orderId,
                buyerId,
                amountCents,
                currency,
                paymentMethod,
                PaymentAttempt.State.valueOf(state),
                chargeId,
                outcome,
                updatedAt.toInstant());
    }
}
