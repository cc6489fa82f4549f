package dev.ticketing.payment.it;

import dev.ticketing.common.events.EventEnvelope;
import dev.ticketing.common.events.EventPayload;
import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.Events;
import dev.ticketing.common.events.PaymentCreated;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's side of the bus: publishes order events as order-service would (Nats-Msg-Id = event
 * id, under this run's subject prefix) and records every payment.created in the run's stream.
 */
final class EventBus implements AutoCloseable {
    private static EventBus shared;

    private final Connection connection;
    private final JetStream jetStream;
    private final String prefix;
    private final List<PaymentCreated> payments = new CopyOnWriteArrayList<>();

    private EventBus(String natsUrl, String prefix) {
        this.prefix = prefix;
        try {
            connection =
                    Nats.connect(
                            new Options.Builder()
                                    .server(natsUrl)
                                    .connectionTimeout(Duration.ofSeconds(5))
                                    .build());
            jetStream = connection.jetStream();
            jetStream.subscribe(
                    EventType.PAYMENT_CREATED.subject(prefix),
                    connection.createDispatcher(),
                    this::record,
                    true,
                    PushSubscribeOptions.builder().ordered(true).build());
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach NATS at " + natsUrl, e);
        }
    }

    static synchronized EventBus shared() {
        if (shared == null) {
            shared =
                    new EventBus(
                            System.getProperty("nats.url"),
                            System.getProperty("it.subject.prefix"));
        }
        return shared;
    }

    private void record(Message message) {
        payments.add(
                Events.fromJson(
                                new String(message.getData(), StandardCharsets.UTF_8),
                                PaymentCreated.class)
                        .data());
    }

    void publish(EventEnvelope<? extends EventPayload> event) {
        try {
            jetStream.publish(
                    EventType.ofType(event.type()).subject(prefix),
                    new Headers().put("Nats-Msg-Id", event.id()),
                    Events.toBytes(event));
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + event.type() + " failed", e);
        }
    }

    List<PaymentCreated> paymentsOf(String orderId) {
        return payments.stream().filter(p -> p.orderId().equals(orderId)).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
