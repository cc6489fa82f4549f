package dev.ticketing.timer.events;

import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.Events;
import dev.ticketing.nats.OutgoingNatsMetadata;
import dev.ticketing.nats.StoredSend;
import dev.ticketing.timer.domain.ExpirationNotice;
import dev.ticketing.timer.expiry.ExpirationNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes expiration.complete through the nats-jetstream connector and waits until it is stored:
 * the adapter behind the timers' {@link ExpirationNotices} port.
 */
@ApplicationScoped
public class ExpirationPublisher implements ExpirationNotices {
    private static final Logger LOG = Logger.getLogger(ExpirationPublisher.class.getName());

    @Inject
    @Channel("expirations")
    Emitter<String> expirations;

    @Inject
    @ConfigProperty(name = "ticketing.subject.prefix", defaultValue = "ticketing")
    String subjectPrefix;

    @Inject
    @ConfigProperty(name = "timers.publish.timeout", defaultValue = "PT10S")
    Duration publishTimeout;

    /** Stored in the stream when this returns; an {@link ExpirationNotPublished} otherwise. */
    @Override
    public void publishExpired(String orderId) {
        var event = ExpirationNotice.of(orderId, Instant.now());
        OutgoingNatsMetadata where =
                OutgoingNatsMetadata.builder()
                        .subject(EventType.EXPIRATION_COMPLETE.subject(subjectPrefix))
                        .messageId(event.id())
                        .build();
        try {
            StoredSend.send(expirations, Events.toJson(event), where)
                    .toCompletableFuture()
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(
                    () ->
                            "order "
                                    + orderId
                                    + " expired: expiration.complete "
                                    + event.id()
                                    + " published");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExpirationNotPublished(orderId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ExpirationNotPublished(orderId, e);
        }
    }

    /** The stream did not confirm the event: the timer's timeout fails and is retried. */
    public static class ExpirationNotPublished extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExpirationNotPublished(String orderId, Throwable cause) {
            super(
                    "expiration.complete of order "
                            + orderId
                            + " was not stored; the timer retries",
                    cause);
        }
    }
}
