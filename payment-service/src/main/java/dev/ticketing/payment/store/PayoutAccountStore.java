package dev.ticketing.payment.store;

import dev.ticketing.payment.checkout.PayoutAccounts;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The sellers' connected accounts, one document per seller in {@value #COLLECTION}, mapped by
 * Jakarta NoSQL ({@link PayoutAccountDocument}) and read and written through its template.
 */
@ApplicationScoped
public class PayoutAccountStore implements PayoutAccounts {
    public static final String COLLECTION = "payoutAccounts";

    @Inject DocumentTemplate template;

    @Override
    public Optional<String> of(String sellerId) {
        return template.find(PayoutAccountDocument.class, sellerId)
                .map(PayoutAccountDocument::stripeAccount);
    }

    @Override
    public void set(String sellerId, String accountId) {
        PayoutAccountDocument named = new PayoutAccountDocument(sellerId, accountId, new Date());
        if (!MongoStore.insertIfAbsent(() -> template.insert(named))) {
            template.update(named); // named before: the last one named is the account
        }
    }
}
