package dev.ticketing.payment.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Date;

/** A seller's connected account as stored, mapped by Jakarta NoSQL: its id the seller's. */
@Entity(PayoutAccountStore.COLLECTION)
public class PayoutAccountDocument {

    @Id private String sellerId;

    @Column private String stripeAccount;

    @Column private Date updatedAt;

    public PayoutAccountDocument() {}

    PayoutAccountDocument(String sellerId, String stripeAccount, Date updatedAt) {
        this.sellerId = sellerId;
        this.stripeAccount = stripeAccount;
        this.updatedAt = updatedAt;
    }

    String stripeAccount() {
        return stripeAccount;
    }
}
