package dev.ticketing.payment.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.ticketing.payment.checkout.PayoutAccounts;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/** The sellers' connected accounts, one document per seller in {@value #COLLECTION}. */
@ApplicationScoped
public class PayoutAccountStore implements PayoutAccounts {
    public static final String COLLECTION = "payoutAccounts";

    @Inject MongoStore store;

    private MongoCollection<Document> collection() {
        return store.collection(COLLECTION);
    }

    @Override
    public Optional<String> of(String sellerId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", sellerId)).first())
                .map(d -> d.getString("stripeAccount"));
    }

    @Override
    public void set(String sellerId, String accountId) {
        collection()
                .replaceOne(
                        Filters.eq("_id", sellerId),
                        new Document("_id", sellerId)
                                .append("stripeAccount", accountId)
                                .append("updatedAt", new Date()),
                        new ReplaceOptions().upsert(true));
    }
}
