package dev.ticketing.payment.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.payment.gateway.SimulatedGateway;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import org.bson.Document;

/**
 * The simulated gateway's answers, one document per idempotency key in {@value #COLLECTION}: what
 * it charged, declined and refunded survives restarts as Stripe's records do, and {@code
 * ./ticketing audit} reads it as the gateway's side of the books.
 */
@ApplicationScoped
public class SimulatedGatewayLedger implements SimulatedGateway.Ledger {
    public static final String COLLECTION = "simulated_gateway";

    @Inject MongoStore store;

    @Override
    public SimulatedGateway.Answer remember(String key, SimulatedGateway.Answer answer) {
        MongoCollection<Document> ledger = store.collection(COLLECTION);
        Document entry =
                new Document("_id", key)
                        .append("kind", answer.kind())
                        .append("orderId", answer.orderId())
                        .append("chargeId", answer.chargeId())
                        .append("amountCents", answer.amountCents())
                        .append("currency", answer.currency())
                        .append("message", answer.message())
                        .append("at", new Date());
        if (MongoStore.insertIfAbsent(() -> ledger.insertOne(entry))) {
            return answer;
        }
        Document d = ledger.find(Filters.eq("_id", key)).first();
        return new SimulatedGateway.Answer(
                d.getString("kind"),
                d.getString("orderId"),
                d.getString("chargeId"),
                ((Number) d.get("amountCents")).longValue(),
                d.getString("currency"),
                d.getString("message"));
    }
}
