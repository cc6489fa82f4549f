package dev.ticketing.store.outbox;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * A collection whose documents (one aggregate each) carry an outbox: what a service's store
 * implements so that {@link EventOutbox} relays its events. The aggregate's name names the relay.
 */
public interface OutboxCollection {

    /** The aggregate, e.g. "order", "ticket". */
    String aggregate();

    /** Its collection, whose documents may hold {@link Outbox#FIELD}. */
    MongoCollection<Document> collection();
}
