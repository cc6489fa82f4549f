package dev.ticketing.payment.store;

import dev.ticketing.payment.gateway.SimulatedGateway;
import dev.ticketing.store.mongo.MongoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The simulated gateway's answers, one document per idempotency key in {@value #COLLECTION}: what
 * it charged, declined and refunded survives restarts as Stripe's records do, and {@code
 * ./ticketing audit} reads it as the gateway's side of the books. Mapped by Jakarta NoSQL ({@link
 * SimulatedGatewayEntry}); the first answer for a key is the one kept, as the unique id decides.
 */
@ApplicationScoped
public class SimulatedGatewayLedger implements SimulatedGateway.Ledger {
    public static final String COLLECTION = "simulated_gateway";

    @Inject DocumentTemplate template;

    @Override
    public SimulatedGateway.Answer remember(String key, SimulatedGateway.Answer answer) {
        if (MongoStore.insertIfAbsent(
                () -> template.insert(SimulatedGatewayEntry.of(key, answer, new Date())))) {
            return answer;
        }
        return template.find(SimulatedGatewayEntry.class, key)
                .map(SimulatedGatewayEntry::toAnswer)
                .orElseThrow(() -> new IllegalStateException("gateway answer " + key + " gone"));
    }
}
