package dev.ticketing.payment.store;

import dev.ticketing.payment.gateway.SimulatedGateway;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Date;

/**
 * One answer of the simulated gateway as stored, mapped by Jakarta NoSQL: its id the request's
 * idempotency key, its fields those {@code ./ticketing audit} reads as the gateway's books.
 */
@Entity(SimulatedGatewayLedger.COLLECTION)
public class SimulatedGatewayEntry {

    @Id private String key;

    @Column private String kind;

    @Column private String orderId;

    @Column private String chargeId;

    @Column private long amountCents;

    @Column private String currency;

    @Column private String message;

    @Column private Date at;

    public SimulatedGatewayEntry() {}

    static SimulatedGatewayEntry of(String key, SimulatedGateway.Answer answer, Date at) {
        SimulatedGatewayEntry e = new SimulatedGatewayEntry();
        e.key = key;
        e.kind = answer.kind();
        e.orderId = answer.orderId();
        e.chargeId = answer.chargeId();
        e.amountCents = answer.amountCents();
        e.currency = answer.currency();
        e.message = answer.message();
        e.at = at;
        return e;
    }

    SimulatedGateway.Answer toAnswer() {
        return new SimulatedGateway.Answer(kind, orderId, chargeId, amountCents, currency, message);
    }
}
