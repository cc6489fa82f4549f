package dev.ticketing.payment.it;

import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.OrderCancelled;
import dev.ticketing.common.events.OrderCompleted;
import dev.ticketing.common.events.OrderCreated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Orders as payment-service learns them: the test publishes order-service's events and waits,
 * reading payment-service's own database (it.store.url), until its copy reflects them.
 */
final class OrderCopies {
    private static MongoClient client;

    private OrderCopies() {}

    static String newOrderId() {
        return new ObjectId().toHexString();
    }

    static EventEnvelope<OrderCreated> created(String orderId, String userId, String price) {
        return EventEnvelope.of(
                new OrderCreated(
                        orderId,
                        0,
                        "created",
                        userId,
                        Instant.now().plusSeconds(900),
                        new OrderCreated.Ticket("ticket-" + orderId, new BigDecimal(price))));
    }

    static EventEnvelope<OrderCancelled> cancelled(String orderId, long version) {
        return EventEnvelope.of(
                new OrderCancelled(
                        orderId, version, new OrderCancelled.Ticket("ticket-" + orderId)));
    }

    static EventEnvelope<OrderCompleted> completed(String orderId, long version) {
        return EventEnvelope.of(
                new OrderCompleted(
                        orderId,
                        version,
                        "buyer-1",
                        new OrderCompleted.Ticket("ticket-" + orderId)));
    }

    /**
     * Publishes order.created for {@code userId} and waits until payment-service holds the copy.
     */
    static String placeOrder(String userId, String price) {
        String orderId = newOrderId();
        EventBus.shared().publish(created(orderId, userId, price));
        awaitStatus(orderId, "created", 0);
        return orderId;
    }

    static void awaitStatus(String orderId, String status, long version) {
        await("order copy " + orderId + " " + status + " v" + version)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                find(orderId)
                                        .filter(
                                                d ->
                                                        status.equals(d.getString("status"))
                                                                && ((Number) d.get("version"))
                                                                                .longValue()
                                                                        == version)
                                        .isPresent());
    }

    static Optional<Document> find(String orderId) {
        return Optional.ofNullable(orders().find(Filters.eq("_id", orderId)).first());
    }

    private static MongoCollection<Document> orders() {
        return database().getCollection("orders");
    }

    /** payment-service's database on the test server's store. */
    static synchronized com.mongodb.client.MongoDatabase database() {
        if (client == null) {
            client = MongoClients.create(System.getProperty("it.store.url"));
        }
        return client.getDatabase("payments");
    }
}
